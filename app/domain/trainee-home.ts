// The trainee's home page: what needs their attention now, in the order they should act (records
// the supervisor returned, recordings due for erasure under the rule set's retention rule, cycles
// waiting for their shared review, drafts not yet submitted), and where the stage-end written
// reflection is. Pure: the timeline, clients and rule set come in; `today` is passed in.
import type { CalendarDate } from '~/utils/dates'
import { erasureReminder, recordingStatus } from './retention'
import type { RuleSet } from './rule-set'

export interface AttentionItem {
  key: string
  href: string
  text: string
}

/** The part of a timeline entry (a cycle, session or reflection) this page reads. */
export interface AttentionEntry {
  key: string
  href: string
  title: string
  status: string | null
  /** Why the record is read-only (a locked stage), or null. */
  lockedReason: string | null
}

export interface AttentionClient {
  id: number
  code: string
  work_ended_on: CalendarDate | null
  recordings_erased_on: CalendarDate | null
}

/** Everything waiting on the trainee, most urgent kind first; records of a locked stage are left out. */
export function attentionItems(
  timeline: AttentionEntry[],
  clients: AttentionClient[],
  ruleSet: Pick<RuleSet, 'recordingRetentionDays' | 'thresholds'>,
  today: CalendarDate,
): AttentionItem[] {
  const open = (status: string) => timeline.filter((e) => e.status === status && !e.lockedReason)
  return [
    ...timeline.filter((e) => e.status === 'returned').map((e) => ({ key: e.key, href: e.href, text: `${e.title}: returned by your supervisor. Correct it and send it back.` })),
    ...clients.flatMap((c) => {
      const reminder = erasureReminder(recordingStatus({ workEndedOn: c.work_ended_on, recordingsErasedOn: c.recordings_erased_on }, ruleSet, today))
      return reminder ? [{ key: `erase-${c.id}`, href: `/trainee/clients/${c.id}`, text: `${c.code}: ${reminder}` }] : []
    }),
    ...open('in_progress').map((e) => ({ key: e.key, href: e.href, text: `${e.title}: add the shared review once it has happened.` })),
    ...open('draft').map((e) => ({ key: e.key, href: e.href, text: `${e.title}: draft not yet submitted.` })),
  ]
}

/**
 * Where the stage-end written reflection lives: null when the stage needs none, the reflection
 * once started, else the page that starts one.
 */
export function stageEndReflectionHref(requirementKeys: string[], started: { id: number } | null | undefined): string | null {
  if (!requirementKeys.includes('written_reflection')) return null
  return started ? `/trainee/reflections/${started.id}` : '/trainee/reflections/new?stage-end'
}
