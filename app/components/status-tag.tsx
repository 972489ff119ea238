// One tag per record status, worded as a trainee would say it, in the NHS.UK tag colours.
import type { EntryStatus } from '~/models/timeline.server'

const TAGS: Record<EntryStatus, { label: string; colour: TagColour }> = {
  in_progress: { label: 'In progress', colour: 'blue' },
  completed: { label: 'Completed', colour: 'green' },
  pending: { label: 'Waiting for confirmation', colour: 'yellow' },
  confirmed: { label: 'Confirmed', colour: 'green' },
  returned: { label: 'Returned to you', colour: 'red' },
  draft: { label: 'Draft', colour: 'grey' },
  submitted: { label: 'Submitted', colour: 'green' },
}

export type TagColour = 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'grey' | 'white'

/** One NHS.UK tag: a short status word in one of the tag colours. Every tag in Attune is one of these. */
export function Tag({ colour, children }: { colour: TagColour; children: React.ReactNode }) {
  return <strong className={`nhsuk-tag nhsuk-tag--${colour}`}>{children}</strong>
}

/** The status of a trainee's record (cycle, supervision session, reflection), as a tag. */
export function StatusTag({ status }: { status: EntryStatus }) {
  const { label, colour } = TAGS[status]
  return <Tag colour={colour}>{label}</Tag>
}
