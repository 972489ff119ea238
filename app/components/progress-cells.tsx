import type { StageReadiness } from '~/domain/readiness'
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
  readiness: StageReadiness
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
