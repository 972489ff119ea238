// The supervision session form. Supervision is counted in minutes: 60, 90 and 120 are all normal.
import { z } from 'zod'
import type { SupervisionSession } from '~db/schema'
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES, SESSION_FORMAT_VALUES } from '~/domain/evidence-rules'
import { calendarDate, manyIds, oneOf, optionalText, refuseFutureDate } from './fields'

export { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES }

export const SESSION_FORMATS = [
  { value: 'one_to_one', label: 'One-to-one' },
  { value: 'group', label: 'Group' },
  { value: 'remote', label: 'Remote (video call)' },
] as const

export function formatLabel(format: string): string {
  return SESSION_FORMATS.find((f) => f.value === format)?.label ?? format
}

/** What a session was: supervision, or training logged in place of supervision (where the stage allows it, ADR 0017). */
export const SESSION_KIND_VALUES = ['supervision', 'training'] as const

const minutesMessage = `Enter the length as a whole number of minutes from ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES} (sessions are usually 60, 90 or 120)`

export function supervisionSessionSchema(today: string) {
  return z
    .object({
      held_on: calendarDate('the date of the session'),
      minutes: z.preprocess(
        (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
        z.number({ error: minutesMessage }).int(minutesMessage).min(MIN_SESSION_MINUTES, minutesMessage).max(MAX_SESSION_MINUTES, minutesMessage),
      ),
      format: oneOf(SESSION_FORMAT_VALUES, 'Choose how the session was held'),
      supervisor_id: z.coerce.number({ error: 'Choose your supervisor' }).int().positive('Choose your supervisor'),
      client_ids: manyIds(),
      notes: optionalText('notes', 2000),
      kind: z.preprocess((v) => (v === undefined || v === null || v === '' ? 'supervision' : v), z.enum(SESSION_KIND_VALUES, { error: 'Choose what the session was' })),
    })
    .superRefine((v, ctx) => {
      refuseFutureDate(ctx, 'held_on', v.held_on, today, 'The session cannot be in the future. Log it once it has happened')
    })
}

export type SupervisionSessionInput = z.output<ReturnType<typeof supervisionSessionSchema>>

export function supervisionSessionFormValues(session: Pick<SupervisionSession, 'held_on' | 'minutes' | 'format' | 'supervisor_id' | 'notes' | 'kind'>, clientIds: number[]) {
  return {
    kind: session.kind,
    held_on: session.held_on,
    minutes: String(session.minutes),
    format: session.format,
    supervisor_id: String(session.supervisor_id),
    client_ids: clientIds.map(String),
    notes: session.notes,
  }
}
