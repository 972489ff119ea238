// A trainee's projected dates in one sentence, from the forecast (app/domain/forecast.ts).
import type { EnrolmentForecast } from '~/domain/forecast'
import { formatDate } from '~/utils/dates'

/** "Stage 1 projected to finish by 3 Feb 2027; accreditation by 30 Sep 2027 (basis). Funding ends 31 Mar 2027." */
export function ForecastLine({
  stageName,
  forecast,
  fundingEndsOn,
}: {
  stageName: string
  forecast: Pick<EnrolmentForecast, 'stageCompletesOn' | 'accreditationOn' | 'basisText'>
  fundingEndsOn: string | null
}) {
  return (
    <>
      {stageName} projected to finish by {formatDate(forecast.stageCompletesOn)}; accreditation by <strong>{formatDate(forecast.accreditationOn)}</strong> ({forecast.basisText}).
      {fundingEndsOn ? ` Funding ends ${formatDate(fundingEndsOn)}.` : ''}
    </>
  )
}
