// Records out, as CSV tables: trainees, enrolments, stages, cycles, supervision sessions and
// sign-offs, for a whole programme (its lead's export) or one enrolment (the trainee's own record).
// ISO dates; clients only by their codes: no helping questions, notes or other free text about
// families. The same rows, put together with a record_type column, make a file the import reads back.
import { IMPORT_COLUMN_NAMES } from '~/domain/programme-import'
import { groupBy } from '~/utils/collections'
import type { CsvRow } from '~/utils/csv.server'
import { instantToCalendarDate } from '~/utils/dates'
import type { Db } from './db-types'

export const EXPORT_TABLES = ['trainees', 'enrolments', 'stages', 'cycles', 'supervision_sessions', 'sign_offs'] as const
export type ExportTable = (typeof EXPORT_TABLES)[number]

export const EXPORT_COLUMNS: Record<ExportTable, readonly string[]> = {
  trainees: ['email', 'name', 'job_title'],
  enrolments: ['email', 'programme', 'rule_set', 'status', 'current_stage', 'enrolled_on', 'joined_at_stage', 'registration_paid_on', 'completed_on', 'supervisor_email', 'accreditor_email'],
  stages: ['email', 'stage', 'stage_name', 'status', 'started_on', 'completed_on'],
  cycles: ['email', 'client_code', 'filmed_on', 'reviewed_on', 'stage', 'clip_count'],
  supervision_sessions: ['email', 'held_on', 'minutes', 'format', 'stage', 'status', 'supervisor_email'],
  sign_offs: ['email', 'stage', 'signed_off_on', 'signed_off_by', 'requirement_unmet', 'reopened_on', 'accreditation', 'accreditation_decided_on', 'accreditor_email'],
}

export type ExportTables = Record<ExportTable, CsvRow[]>

/** Every table for these enrolments, in a fixed number of queries. */
export async function exportTables(db: Db, enrolmentIds: number[]): Promise<ExportTables> {
  if (enrolmentIds.length === 0) return { trainees: [], enrolments: [], stages: [], cycles: [], supervision_sessions: [], sign_offs: [] }
  const [enrolments, stages, cycles, sessions, signOffs] = await Promise.all([
    db
      .selectFrom('enrolments')
      .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
      .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
      .innerJoin('rule_sets', 'rule_sets.id', 'enrolments.rule_set_id')
      .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
      .leftJoin('users as accreditor', 'accreditor.id', 'enrolments.external_accreditor_id')
      .select([
        'enrolments.id',
        'trainee.email',
        'trainee.name',
        'trainee.job_title',
        'programmes.name as programme',
        'rule_sets.key as rule_set',
        'enrolments.status',
        'enrolments.current_stage',
        'enrolments.started_on',
        'enrolments.joined_at_stage',
        'enrolments.registration_paid_on',
        'enrolments.completed_on',
        'supervisor.email as supervisor_email',
        'accreditor.email as accreditor_email',
      ])
      .where('enrolments.id', 'in', enrolmentIds)
      .orderBy('trainee.name')
      .orderBy('enrolments.id')
      .execute(),
    db
      .selectFrom('enrolment_stages')
      .innerJoin('enrolments', 'enrolments.id', 'enrolment_stages.enrolment_id')
      .innerJoin('rule_set_stages', (join) =>
        join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'enrolment_stages.stage_number'),
      )
      .select([
        'enrolment_stages.enrolment_id',
        'enrolment_stages.stage_number',
        'rule_set_stages.name',
        'enrolment_stages.status',
        'enrolment_stages.started_on',
        'enrolment_stages.completed_on',
      ])
      .where('enrolment_stages.enrolment_id', 'in', enrolmentIds)
      .orderBy('enrolment_stages.stage_number')
      .execute(),
    db
      .selectFrom('cycles')
      .innerJoin('clients', 'clients.id', 'cycles.client_id')
      .select(['cycles.enrolment_id', 'clients.code', 'cycles.filmed_on', 'cycles.reviewed_on', 'cycles.stage_number', 'cycles.clip_count'])
      .where('cycles.enrolment_id', 'in', enrolmentIds)
      .orderBy('cycles.filmed_on')
      .orderBy('cycles.id')
      .execute(),
    db
      .selectFrom('supervision_sessions')
      .innerJoin('users as supervisor', 'supervisor.id', 'supervision_sessions.supervisor_id')
      .select([
        'supervision_sessions.enrolment_id',
        'supervision_sessions.held_on',
        'supervision_sessions.minutes',
        'supervision_sessions.format',
        'supervision_sessions.stage_number',
        'supervision_sessions.status',
        'supervisor.email as supervisor_email',
      ])
      .where('supervision_sessions.enrolment_id', 'in', enrolmentIds)
      .orderBy('supervision_sessions.held_on')
      .orderBy('supervision_sessions.id')
      .execute(),
    db
      .selectFrom('sign_offs')
      .innerJoin('users as signer', 'signer.id', 'sign_offs.signed_off_by')
      .leftJoin('accreditations', 'accreditations.sign_off_id', 'sign_offs.id')
      .leftJoin('users as accreditor', 'accreditor.id', 'accreditations.accreditor_id')
      .select([
        'sign_offs.enrolment_id',
        'sign_offs.stage_number',
        'sign_offs.signed_off_at',
        'signer.email as signed_off_by',
        'sign_offs.override_reason',
        'sign_offs.superseded_at',
        'accreditations.decision',
        'accreditations.decided_at',
        'accreditor.email as accreditor_email',
      ])
      .where('sign_offs.enrolment_id', 'in', enrolmentIds)
      .orderBy('sign_offs.signed_off_at')
      .execute(),
  ])
  const emailOf = new Map(enrolments.map((e) => [e.id, e.email]))
  const byEnrolment = <T extends { enrolment_id: number }>(rows: T[]) => enrolments.flatMap((e) => groupBy(rows, (r) => r.enrolment_id).get(e.id) ?? [])
  const date = (instant: string | null) => (instant ? instantToCalendarDate(instant) : null)
  return {
    trainees: [...new Map(enrolments.map((e) => [e.email, { email: e.email, name: e.name, job_title: e.job_title }])).values()],
    enrolments: enrolments.map((e) => ({
      email: e.email,
      programme: e.programme,
      rule_set: e.rule_set,
      status: e.status,
      current_stage: e.current_stage,
      enrolled_on: e.started_on,
      joined_at_stage: e.joined_at_stage,
      registration_paid_on: e.registration_paid_on,
      completed_on: e.completed_on,
      supervisor_email: e.supervisor_email,
      accreditor_email: e.accreditor_email,
    })),
    stages: byEnrolment(stages).map((s) => ({
      email: emailOf.get(s.enrolment_id)!,
      stage: s.stage_number,
      stage_name: s.name,
      status: s.status,
      started_on: s.started_on,
      completed_on: s.completed_on,
    })),
    cycles: byEnrolment(cycles).map((c) => ({
      email: emailOf.get(c.enrolment_id)!,
      client_code: c.code,
      filmed_on: c.filmed_on,
      reviewed_on: c.reviewed_on,
      stage: c.stage_number,
      clip_count: c.clip_count,
    })),
    supervision_sessions: byEnrolment(sessions).map((s) => ({
      email: emailOf.get(s.enrolment_id)!,
      held_on: s.held_on,
      minutes: s.minutes,
      format: s.format,
      stage: s.stage_number,
      status: s.status,
      supervisor_email: s.supervisor_email,
    })),
    sign_offs: byEnrolment(signOffs).map((s) => ({
      email: emailOf.get(s.enrolment_id)!,
      stage: s.stage_number,
      signed_off_on: date(s.signed_off_at),
      signed_off_by: s.signed_off_by,
      requirement_unmet: s.override_reason ? 'yes' : 'no',
      reopened_on: date(s.superseded_at),
      accreditation: s.decision,
      accreditation_decided_on: date(s.decided_at),
      accreditor_email: s.accreditor_email,
    })),
  }
}

/**
 * The same records as one file in the import's format (record_type, then IMPORT_COLUMNS): what
 * moves a cohort into another programme. Returned sessions are left out: they never happened as logged.
 */
export function asImportRows(tables: ExportTables): { columns: string[]; rows: CsvRow[] } {
  const enrolmentOf = new Map(tables.enrolments.map((e) => [e.email, e]))
  return {
    columns: IMPORT_COLUMN_NAMES,
    rows: [
      ...tables.trainees.map((t) => ({ record_type: 'trainee', ...enrolmentOf.get(t.email as string)!, ...t })),
      // A stage open provisionally while the one before waits for accreditation (ADR 0016) is not
      // carried over: the import starts the trainee in their current stage.
      ...tables.stages.filter((s) => Number(s.stage) <= Number(enrolmentOf.get(s.email as string)?.current_stage)).map((s) => ({ record_type: 'stage', ...s })),
      ...tables.cycles.map((c) => ({ record_type: 'cycle', ...c })),
      ...tables.supervision_sessions.filter((s) => s.status !== 'returned').map((s) => ({ record_type: 'supervision', ...s })),
    ],
  }
}

export async function programmeEnrolmentIds(db: Db, programmeId: number): Promise<number[]> {
  return (await db.selectFrom('enrolments').select('id').where('programme_id', '=', programmeId).execute()).map((e) => e.id)
}
