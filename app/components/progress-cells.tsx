import type { ReadinessAtAGlance } from '~/domain/readiness'
import type { FlagsAtAGlance } from '~/domain/dashboard'
import { formatDate } from '~/utils/dates'
import { FlagCell } from './flag-list'
import type { StageStatus } from '~/domain/stage-end'
import { ReadinessSummary, ReadinessTag } from './readiness-summary'
import { StageStatusTag } from './stage-tags'

/** Two table cells for a trainee: their stage with its status, and readiness at a glance. */
export function ProgressCells({
  enrolmentStatus,
  stageStatus,
  stageCompletedOn,
  readiness,
}: {
  enrolmentStatus: string
  stageStatus: StageStatus
  stageCompletedOn: string | null
  readiness: ReadinessAtAGlance
}) {
  if (enrolmentStatus === 'accredited') {
    return (
      <>
        <td>
          <strong className="nhsuk-tag nhsuk-tag--green">Accredited</strong>
        </td>
        <td>Complete</td>
      </>
    )
  }
  return (
    <>
      <td>
        {readiness.stageName}
        <br />
        <StageStatusTag status={stageStatus} completedOn={stageCompletedOn} />
      </td>
      <td>
        <ReadinessTag readiness={readiness} />
        <br />
        <span className="nhsuk-body-s">
          <ReadinessSummary readiness={readiness} />
        </span>
      </td>
    </>
  )
}

/** Three table cells for a trainee's outlook: last activity, projected accreditation and flags. */
export function OutlookCells({
  id,
  name,
  lastActivityOn,
  accreditationOn,
  accredited,
  fundingEndsOn,
  flags,
}: {
  id: number
  name: string
  lastActivityOn: string | null
  accreditationOn: string | null
  accredited: boolean
  fundingEndsOn: string | null
  flags: FlagsAtAGlance
}) {
  return (
    <>
      <td className="app-nowrap">{formatDate(lastActivityOn) || 'None yet'}</td>
      <td>
        {accreditationOn ? (
          <>
            <span className="app-nowrap">{formatDate(accreditationOn)}</span>
            {fundingEndsOn && accreditationOn > fundingEndsOn ? (
              <>
                <br />
                <strong className="nhsuk-tag nhsuk-tag--red">After funding ends</strong>
              </>
            ) : null}
          </>
        ) : accredited ? (
          'Accredited'
        ) : (
          '–'
        )}
      </td>
      <td>
        <FlagCell flags={flags} href={`/enrolments/${id}/flags`} name={name} />
      </td>
    </>
  )
}
