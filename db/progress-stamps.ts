// Change stamps for the progress cache (ADR 0022): every insert, update or delete of a row that an
// enrolment's progress is computed from bumps `enrolments.progress_stamp`, by database triggers, so
// that no write path of the app (or a hand-run SQL fix) can forget to. `enrolment_progress` rows
// whose stamp differs from the enrolment's are stale and recomputed on the next view.
// Triggers are the one place SQLite and PostgreSQL need different DDL (ADR 0013); both are here.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from './portable'

/**
 * A table progress depends on, and which enrolments a change to one of its rows touches:
 * `target(row)` is the WHERE clause on `enrolments` for the row named `NEW` or `OLD`.
 */
interface StampSource {
  table: string
  /** The events that bump; a column list limits updates to changes of those columns. */
  events: ('insert' | 'update' | 'delete')[]
  updateOf?: string[]
  target: (row: 'NEW' | 'OLD') => string
}

const byEnrolment = (table: string): StampSource => ({ table, events: ['insert', 'update', 'delete'], target: (row) => `id = ${row}.enrolment_id` })

/**
 * Every table `loadProgress` (app/models/progress.server.ts) and `loadReadiness`
 * (app/models/evidence.server.ts) read, but `enrolments` itself (handled apart: it stamps itself).
 * Exported so that tests prove each one moves the stamp.
 */
export const PROGRESS_STAMP_SOURCES: StampSource[] = [
  byEnrolment('cycles'),
  byEnrolment('supervision_sessions'),
  byEnrolment('stage_meetings'),
  byEnrolment('reflections'),
  byEnrolment('enrolment_stages'),
  byEnrolment('sign_offs'),
  // Consent and recording erasure dates are the trainee's, shared by all their enrolments.
  { table: 'clients', events: ['insert', 'update', 'delete'], target: (row) => `trainee_id = ${row}.trainee_id` },
  // The funding end date feeds the overrun flag.
  { table: 'programmes', events: ['update'], updateOf: ['funding_ends_on'], target: (row) => `programme_id = ${row}.id` },
  // Thresholds (admin-editable) and stage requirements.
  { table: 'rule_sets', events: ['update'], target: (row) => `rule_set_id = ${row}.id` },
  { table: 'rule_set_stages', events: ['insert', 'update', 'delete'], target: (row) => `rule_set_id = ${row}.rule_set_id` },
]

const rowsOf = { insert: ['NEW'], update: ['OLD', 'NEW'], delete: ['OLD'] } as const
const bump = (where: string) => `update enrolments set progress_stamp = progress_stamp + 1 where ${where};`

/** Creates the triggers that keep `enrolments.progress_stamp` moving (run by migration 0151). */
export async function createProgressStampTriggers(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const source of PROGRESS_STAMP_SOURCES) {
      const ops = (row: 'NEW' | 'OLD') => source.events.filter((e) => (rowsOf[e] as readonly string[]).includes(row)).map((e) => `'${e.toUpperCase()}'`)
      const body = (['OLD', 'NEW'] as const)
        .filter((row) => ops(row).length)
        .map((row) => `if TG_OP in (${ops(row).join(', ')}) then ${bump(source.target(row))} end if;`)
        .join('\n  ')
      await sql.raw(`create or replace function progress_stamp_${source.table}() returns trigger language plpgsql as $$\nbegin\n  ${body}\n  return null;\nend $$`).execute(db)
      const events = source.events.map((e) => (e === 'update' && source.updateOf ? `update of ${source.updateOf.join(', ')}` : e)).join(' or ')
      const when = source.updateOf ? ` when (${source.updateOf.map((c) => `OLD.${c} is distinct from NEW.${c}`).join(' or ')})` : ''
      await sql.raw(`create trigger progress_stamp_${source.table} after ${events} on ${source.table} for each row${when} execute function progress_stamp_${source.table}()`).execute(db)
    }
    // Any change to the enrolment bumps its own stamp, unless the change is the bump itself.
    await sql
      .raw(
        `create or replace function progress_stamp_enrolments() returns trigger language plpgsql as $$\nbegin\n  if NEW.progress_stamp = OLD.progress_stamp then NEW.progress_stamp := OLD.progress_stamp + 1; end if;\n  return NEW;\nend $$`,
      )
      .execute(db)
    await sql.raw(`create trigger progress_stamp_enrolments before update on enrolments for each row execute function progress_stamp_enrolments()`).execute(db)
    return
  }
  for (const source of PROGRESS_STAMP_SOURCES) {
    for (const event of source.events) {
      const of = event === 'update' && source.updateOf ? ` of ${source.updateOf.join(', ')}` : ''
      const when = event === 'update' && source.updateOf ? ` when ${source.updateOf.map((c) => `OLD.${c} is not NEW.${c}`).join(' or ')}` : ''
      const body = rowsOf[event].map((row) => bump(source.target(row))).join(' ')
      await sql.raw(`create trigger progress_stamp_${source.table}_${event} after ${event}${of} on ${source.table} for each row${when} begin ${body} end`).execute(db)
    }
  }
  // SQLite's recursive_triggers is off, and the WHEN stops the bump from bumping again regardless.
  await sql
    .raw(`create trigger progress_stamp_enrolments_update after update on enrolments for each row when NEW.progress_stamp = OLD.progress_stamp begin ${bump('id = NEW.id')} end`)
    .execute(db)
}

/** Drops what `createProgressStampTriggers` created (migration 0151's down). */
export async function dropProgressStampTriggers(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of [...PROGRESS_STAMP_SOURCES.map((s) => s.table), 'enrolments']) {
      await sql.raw(`drop trigger if exists progress_stamp_${table} on ${table}`).execute(db)
      await sql.raw(`drop function if exists progress_stamp_${table}()`).execute(db)
    }
    return
  }
  for (const source of PROGRESS_STAMP_SOURCES) {
    for (const event of source.events) await sql.raw(`drop trigger if exists progress_stamp_${source.table}_${event}`).execute(db)
  }
  await sql.raw(`drop trigger if exists progress_stamp_enrolments_update`).execute(db)
}
