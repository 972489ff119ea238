// Importing a spreadsheet of trainees, stages, cycles and supervision into a programme. The domain
// (programme-import.ts) checks every row against what Attune holds; this module gathers that, and
// writes the plan inside the transaction the action opened: all of it, or (on any problem) nothing.
import { planImport, cycleKey, sessionKey, type ImportContext, type ImportPlan, type ImportProblem, type ExistingEnrolment, type NearMatchChoice } from '~/domain/programme-import'
import { setImmediate } from 'node:timers/promises'
import { groupBy } from '~/utils/collections'
import { MAX_IMPORT_ROWS } from '~/utils/limits'
import { parseCsv } from '~/utils/csv.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import type { Viewer } from './access.server'
import type { LedProgramme } from './programme.server'
import { getRuleSets } from './rule-set.server'
import { holdingRole, normaliseEmail, rolesOfUsers } from './user.server'

/** Clients created by an import: a spreadsheet rarely says who the child is to the parent. */
export const IMPORTED_RELATIONSHIP = 'not_recorded'

export interface ImportPreview {
  plan: ImportPlan
  /** Problems with the file's shape and with its rows, in row order. */
  problems: ImportProblem[]
}

/**
 * Checks the file's text (already decoded: see utils/spreadsheet-text.server.ts) against what the
 * programme holds, writing nothing. `choices` are the lead's answers for rows that nearly match a
 * record, by row number (see planImport). A file of more than MAX_IMPORT_ROWS rows is refused as a
 * whole before any row is checked (ADR 0012), so that one upload cannot keep the server busy;
 * checking is linear in the rows, and yields to other requests between its steps.
 */
export async function previewImport(db: Db, programme: LedProgramme, text: string, today: string, choices: Map<number, NearMatchChoice> = new Map()): Promise<ImportPreview> {
  const parsed = parseCsv(text)
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    const problem = {
      row: 1,
      column: null,
      message: `the file has ${parsed.rows.length.toLocaleString('en-GB')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time: split it into several files`,
    }
    return {
      plan: { problems: [problem], skipped: [], ignoredColumns: [], trainees: [], cycles: [], sessions: [], nearMatches: [], cycleUpdates: [], sessionUpdates: [] },
      problems: [problem],
    }
  }
  await setImmediate()
  const emails = new Set(parsed.rows.flatMap((r) => [r.values.email, r.values.supervisor_email].filter(Boolean).map((e) => normaliseEmail(e!))))
  const context = await loadImportContext(db, programme, [...emails], today)
  await setImmediate()
  const plan = planImport(parsed.columns, parsed.rows, context, choices)
  return { plan, problems: [...parsed.problems, ...plan.problems].sort((a, b) => a.row - b.row) }
}

async function loadImportContext(db: Db, programme: LedProgramme, emails: string[], today: string): Promise<ImportContext> {
  const programmeId = programme.id
  const [ruleSetRows, users, enrolments] = await Promise.all([
    db.selectFrom('rule_sets').select(['id', 'key']).where('status', '!=', 'draft').orderBy('status').orderBy('version', 'desc').execute(),
    emails.length ? db.selectFrom('users').select(['id', 'email', 'organisation_id', 'deactivated_at']).where('email', 'in', emails).execute() : [],
    db
      .selectFrom('enrolments')
      .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
      .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
      .select(['enrolments.id', 'enrolments.trainee_id', 'enrolments.rule_set_id', 'enrolments.started_on', 'trainee.email', 'supervisor.email as supervisor_email'])
      .where('enrolments.programme_id', '=', programmeId)
      .execute(),
  ])
  const ids = enrolments.map((e) => e.id)
  const rolesOf = await rolesOfUsers(
    db,
    users.map((u) => u.id),
  )
  const [ruleSets, stages, cycles, sessions] = await Promise.all([
    getRuleSets(db, [...ruleSetRows.map((r) => r.id), ...enrolments.map((e) => e.rule_set_id)]),
    ids.length ? db.selectFrom('enrolment_stages').select(['enrolment_id', 'stage_number', 'started_on', 'locked']).where('enrolment_id', 'in', ids).execute() : [],
    ids.length
      ? db
          .selectFrom('cycles')
          .innerJoin('clients', 'clients.id', 'cycles.client_id')
          .select(['cycles.id', 'cycles.enrolment_id', 'clients.code', 'cycles.filmed_on', 'cycles.reviewed_on', 'cycles.clip_count', 'cycles.stage_number'])
          .where('cycles.enrolment_id', 'in', ids)
          .execute()
      : [],
    ids.length ? db.selectFrom('supervision_sessions').select(['id', 'enrolment_id', 'held_on', 'minutes', 'stage_number']).where('enrolment_id', 'in', ids).execute() : [],
  ])
  const stagesOf = groupBy(stages, (s) => s.enrolment_id)
  const cyclesOf = groupBy(cycles, (c) => c.enrolment_id)
  const sessionsOf = groupBy(sessions, (s) => s.enrolment_id)
  return {
    today,
    ruleSets: new Map(ruleSetRows.map((r) => [r.key, ruleSets.get(r.id)!])),
    // Only people of the programme's own organisation can be enrolled or named as supervisors,
    // as on the enrol form; anyone else with an account is refused without saying who they are.
    users: new Map(users.filter((u) => inOrganisation(u, programme)).map((u) => [u.email, { id: u.id, roles: rolesOf.get(u.id) ?? [] }])),
    unavailableEmails: new Set(users.filter((u) => !inOrganisation(u, programme)).map((u) => u.email)),
    enrolments: new Map(
      enrolments.map((e): [string, ExistingEnrolment] => [
        e.email,
        {
          id: e.id,
          ruleSet: ruleSets.get(e.rule_set_id)!,
          enrolledOn: e.started_on,
          supervisorEmail: e.supervisor_email,
          stages: (stagesOf.get(e.id) ?? []).map((s) => ({ stageNumber: s.stage_number, startedOn: s.started_on, locked: s.locked === 1 })),
          cycleKeys: new Set((cyclesOf.get(e.id) ?? []).map((c) => cycleKey(e.email, c.code, c.filmed_on))),
          sessionKeys: new Set((sessionsOf.get(e.id) ?? []).map((s) => sessionKey(e.email, s.held_on, s.minutes))),
          cycles: (cyclesOf.get(e.id) ?? []).map((c) => ({
            id: c.id,
            clientCode: c.code,
            filmedOn: c.filmed_on,
            reviewedOn: c.reviewed_on,
            clipCount: c.clip_count,
            stageNumber: c.stage_number,
          })),
          sessions: (sessionsOf.get(e.id) ?? []).map((s) => ({ id: s.id, heldOn: s.held_on, minutes: s.minutes, stageNumber: s.stage_number })),
        },
      ]),
    ),
  }
}

function inOrganisation(user: { organisation_id: number | null; deactivated_at: string | null }, programme: LedProgramme): boolean {
  return user.organisation_id === programme.organisation_id && user.deactivated_at === null
}

export type ImportResult = { ok: true; trainees: number; cycles: number; sessions: number; corrected: number } | { ok: false; preview: ImportPreview }

/**
 * Checks the file again inside the transaction (the records may have changed since the preview) and
 * writes everything it plans, or nothing if any row has a problem.
 */
export async function importRecords(
  trx: Db,
  programme: LedProgramme,
  text: string,
  actor: Viewer,
  today: string,
  now: string,
  choices: Map<number, NearMatchChoice> = new Map(),
): Promise<ImportResult> {
  const preview = await previewImport(trx, programme, text, today, choices)
  if (preview.problems.length > 0) return { ok: false, preview }
  const { plan } = preview

  const emails = [
    ...new Set(
      [...plan.trainees.map((t) => t.supervisorEmail), ...plan.sessions.map((s) => s.supervisorEmail), ...plan.sessionUpdates.map((s) => s.supervisorEmail)].filter(
        (e): e is string => e !== null,
      ),
    ),
  ]
  const supervisors = new Map(
    (emails.length
      ? await trx
          .selectFrom('users')
          .select(['id', 'email'])
          .where('email', 'in', emails)
          .where(holdingRole('supervisor'))
          .where('organisation_id', '=', programme.organisation_id)
          .where('deactivated_at', 'is', null)
          .execute()
      : []
    ).map((u) => [u.email, u.id]),
  )
  const enrolmentOf = new Map<string, { id: number; traineeId: number }>(
    (
      await trx
        .selectFrom('enrolments')
        .innerJoin('users', 'users.id', 'enrolments.trainee_id')
        .select(['enrolments.id', 'enrolments.trainee_id', 'users.email'])
        .where('enrolments.programme_id', '=', programme.id)
        .execute()
    ).map((e) => [e.email, { id: e.id, traineeId: e.trainee_id }]),
  )

  for (const t of plan.trainees) {
    const traineeId =
      t.existingUserId ??
      (
        await trx
          .insertInto('users')
          .values({ email: t.email, name: t.name, organisation_id: programme.organisation_id, job_title: t.jobTitle, password_hash: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    if (!t.existingUserId) await trx.insertInto('user_roles').values({ user_id: traineeId, role: 'trainee' }).execute()
    const supervisorId = t.supervisorEmail ? supervisors.get(t.supervisorEmail)! : null
    const { id } = await trx
      .insertInto('enrolments')
      .values({
        trainee_id: traineeId,
        programme_id: programme.id,
        rule_set_id: t.ruleSetId,
        started_on: t.enrolledOn,
        current_stage: t.currentStage,
        supervisor_id: supervisorId,
        registration_paid_on: t.registrationPaidOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('enrolment_stages')
      .values(
        t.stages.map((s) => ({
          enrolment_id: id,
          stage_number: s.stageNumber,
          status: s.status,
          started_on: s.startedOn,
          completed_on: s.completedOn,
          locked: s.status === 'in_progress' ? 0 : 1,
        })),
      )
      .execute()
    if (supervisorId) {
      await trx
        .insertInto('enrolment_assignments')
        .values({ enrolment_id: id, kind: 'supervisor', user_id: supervisorId, from_on: t.enrolledOn, assigned_by: actor.id, reason: 'Imported from a spreadsheet' })
        .execute()
    }
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'enrolment.imported',
      entityType: 'enrolment',
      entityId: id,
      enrolmentId: id,
      after: { email: t.email, currentStage: t.currentStage, stages: t.stages },
      reason: `Import row ${t.row}`,
    })
    enrolmentOf.set(t.email, { id, traineeId })
  }

  const clientIds = new Map<string, number>()
  const clientId = async (traineeId: number, code: string) => {
    const key = `${traineeId}|${code}`
    if (!clientIds.has(key)) {
      // Codes are stored in capitals (evidence-rules.ts): 'sj-01' finds the client 'SJ-01'.
      const existing = await trx.selectFrom('clients').select('id').where('trainee_id', '=', traineeId).where('code', '=', code).executeTakeFirst()
      clientIds.set(
        key,
        existing?.id ?? (await trx.insertInto('clients').values({ trainee_id: traineeId, code, relationship: IMPORTED_RELATIONSHIP }).returning('id').executeTakeFirstOrThrow()).id,
      )
    }
    return clientIds.get(key)!
  }
  // Cycles and sessions go in as a few multi-row inserts, not one statement each: the transaction
  // holds the database, so a 5,000-row file must be quick to write for others not to wait (ADR 0012).
  const cycleValues = []
  for (const c of plan.cycles) {
    const enrolment = enrolmentOf.get(c.email)!
    cycleValues.push({
      enrolment_id: enrolment.id,
      client_id: await clientId(enrolment.traineeId, c.clientCode),
      filmed_on: c.filmedOn,
      reviewed_on: c.reviewedOn,
      stage_number: c.stageNumber,
      clip_count: c.clipCount,
    })
  }
  for (const chunk of chunks(cycleValues, INSERT_CHUNK)) await trx.insertInto('cycles').values(chunk).execute()
  const sessionValues = plan.sessions.map((s) => {
    const confirmed = s.status === 'confirmed'
    return {
      enrolment_id: enrolmentOf.get(s.email)!.id,
      supervisor_id: supervisors.get(s.supervisorEmail)!,
      held_on: s.heldOn,
      minutes: s.minutes,
      format: s.format,
      stage_number: s.stageNumber,
      status: s.status,
      // The lead vouches for sessions confirmed in the spreadsheet they import.
      decided_by: confirmed ? actor.id : null,
      decided_at: confirmed ? now : null,
    }
  })
  for (const chunk of chunks(sessionValues, INSERT_CHUNK)) await trx.insertInto('supervision_sessions').values(chunk).execute()
  // Corrections from a re-imported file: the record takes the row's values; its id stays.
  for (const c of plan.cycleUpdates) {
    const enrolmentId = enrolmentOf.get(c.email)!.id
    await trx
      .updateTable('cycles')
      .set({ filmed_on: c.filmedOn, reviewed_on: c.reviewedOn, stage_number: c.stageNumber, clip_count: c.clipCount })
      .where('id', '=', c.existingId)
      .where('enrolment_id', '=', enrolmentId)
      .execute()
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'cycle.corrected_by_import',
      entityType: 'cycle',
      entityId: c.existingId,
      enrolmentId,
      after: { filmedOn: c.filmedOn, reviewedOn: c.reviewedOn, clipCount: c.clipCount },
      reason: `Import row ${c.row}`,
    })
  }
  for (const s of plan.sessionUpdates) {
    const enrolmentId = enrolmentOf.get(s.email)!.id
    await trx.updateTable('supervision_sessions').set({ minutes: s.minutes, format: s.format }).where('id', '=', s.existingId).where('enrolment_id', '=', enrolmentId).execute()
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'supervision.corrected_by_import',
      entityType: 'supervision_session',
      entityId: s.existingId,
      enrolmentId,
      after: { minutes: s.minutes, format: s.format },
      reason: `Import row ${s.row}`,
    })
  }
  const evidence = groupBy([...plan.cycles.map((c) => ({ email: c.email, kind: 'cycle' })), ...plan.sessions.map((s) => ({ email: s.email, kind: 'session' }))], (e) => e.email)
  for (const [email, rows] of evidence) {
    const enrolmentId = enrolmentOf.get(email)!.id
    const count = (kind: string) => rows.filter((r) => r.kind === kind).length
    await appendAudit(trx, {
      actorId: actor.id,
      action: 'records.imported',
      entityType: 'enrolment',
      entityId: enrolmentId,
      enrolmentId,
      after: { cycles: count('cycle'), sessions: count('session') },
    })
  }
  return { ok: true, trainees: plan.trainees.length, cycles: plan.cycles.length, sessions: plan.sessions.length, corrected: plan.cycleUpdates.length + plan.sessionUpdates.length }
}

/** Rows per multi-row insert: well under SQLite's limit of 32,766 bound values (about 10 a row). */
const INSERT_CHUNK = 500

function chunks<T>(rows: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size))
}
