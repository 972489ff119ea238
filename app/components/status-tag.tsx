// One tag per record status, worded as a trainee would say it, in the NHS.UK tag colours.
import type { EntryStatus } from '~/models/timeline.server'

const TAGS: Record<EntryStatus, { label: string; colour: string }> = {
  in_progress: { label: 'In progress', colour: 'nhsuk-tag--blue' },
  completed: { label: 'Completed', colour: 'nhsuk-tag--green' },
  pending: { label: 'Waiting for confirmation', colour: 'nhsuk-tag--yellow' },
  confirmed: { label: 'Confirmed', colour: 'nhsuk-tag--green' },
  returned: { label: 'Returned to you', colour: 'nhsuk-tag--red' },
  draft: { label: 'Draft', colour: 'nhsuk-tag--grey' },
  submitted: { label: 'Submitted', colour: 'nhsuk-tag--green' },
}

export function StatusTag({ status }: { status: EntryStatus }) {
  const { label, colour } = TAGS[status]
  return <strong className={`nhsuk-tag ${colour}`}>{label}</strong>
}
