import { stageStatusLabel, type StageStatus } from '~/domain/stage-end'
import { plural } from '~/domain/wording'

const COLOUR: Record<StageStatus, string> = {
  in_progress: 'nhsuk-tag--blue',
  signed_off: 'nhsuk-tag--yellow',
  accredited: 'nhsuk-tag--green',
  recognised: 'nhsuk-tag--grey',
}

export function StageStatusTag({ status, completedOn }: { status: StageStatus; completedOn: string | null }) {
  const colour = status === 'signed_off' && completedOn ? 'nhsuk-tag--green' : COLOUR[status]
  return <strong className={`nhsuk-tag ${colour}`}>{stageStatusLabel(status, completedOn)}</strong>
}

/** Wherever a sign-off shows, one made with a requirement unmet says so, with its reason. */
export function OverrideTag({ reason }: { reason: string | null }) {
  if (!reason) return null
  return (
    <p className="nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-1">
      <strong className="nhsuk-tag nhsuk-tag--orange">Signed off with a requirement unmet</strong> <span className="nhsuk-body-s">{reason}</span>
    </p>
  )
}

export function LockTag({ locked }: { locked: number }) {
  return locked ? <strong className="nhsuk-tag nhsuk-tag--grey">Records locked</strong> : <strong className="nhsuk-tag nhsuk-tag--white">Records open</strong>
}

/** How long a signed-off stage has waited for accreditation; past the rule set's threshold, a red "Overdue" tag with the days. */
export function AccreditationWaitTag({ daysWaiting, overdue, waitingDays }: { daysWaiting: number; overdue: boolean; waitingDays: number }) {
  if (!overdue) return <>{plural(daysWaiting, 'day')}</>
  return (
    <strong className="nhsuk-tag nhsuk-tag--red" title={`Waiting more than ${plural(waitingDays, 'day')}`}>
      Overdue: {plural(daysWaiting, 'day')}
    </strong>
  )
}
