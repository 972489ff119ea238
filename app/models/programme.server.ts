// Programmes: a lead's cohort with its dates, budget, fee overrides and supervisors' capacity.
// A lead reaches only the programmes they lead, an admin every one (access.server.ts `programmeScope`);
// a programme is created for the creator's own organisation, with them as its lead.
import type { ProgrammeInput } from '~/schemas/programme'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import { enrolmentScope, programmeScope, type Viewer } from './access.server'
import type { Db } from './db-types'
import { holdingRole } from './user.server'
import { enrolmentsWithCurrentStage } from './enrolment.server'
import { dashboardFields, listProgressSummaries, loadCachedProgress, progressSummary } from './progress.server'
import { filterAndSort, pageOf, type TableQuery } from '~/domain/dashboard'
import type { CalendarDate } from '~/utils/dates'

export async function listLedProgrammes(db: Db, viewer: Viewer) {
  return db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.organisation_id')
    .select((eb) => [
      'programmes.id',
      'programmes.name',
      'programmes.started_on',
      'programmes.funding_ends_on',
      'organisations.name as organisation_name',
      eb
        .selectFrom('enrolments')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('enrolments.programme_id', '=', 'programmes.id')
        .where('enrolments.status', 'in', ['active', 'paused'])
        .as('trainees_in_training'),
    ])
    .where(programmeScope(viewer))
    .orderBy('programmes.started_on', 'desc')
    .execute()
}

/**
 * One programme the viewer runs (programmeScope: its lead, or an admin), with its organisation, fee
 * overrides (pence) and supervisors' capacity (minutes a month); undefined otherwise (the route's 404).
 * The one way every programme page, report, export and import finds its programme.
 */
export async function findLedProgramme(db: Db, viewer: Viewer, programmeId: number) {
  const programme = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.organisation_id')
    .select([
      'programmes.id',
      'programmes.name',
      'programmes.organisation_id',
      'programmes.started_on',
      'programmes.funding_ends_on',
      'programmes.budget_pence',
      'programmes.registration_fee_pence',
      'organisations.name as organisation_name',
    ])
    .where('programmes.id', '=', programmeId)
    .where(programmeScope(viewer))
    .executeTakeFirst()
  if (!programme) return undefined
  const [stageFees, supervisors] = await Promise.all([
    db.selectFrom('programme_stage_fees').select(['stage_number', 'fee_pence']).where('programme_id', '=', programmeId).orderBy('stage_number').execute(),
    db
      .selectFrom('programme_supervisors')
      .innerJoin('users', 'users.id', 'programme_supervisors.user_id')
      .select(['users.id', 'users.name', 'programme_supervisors.capacity_minutes_per_month'])
      .where('programme_supervisors.programme_id', '=', programmeId)
      .orderBy('users.name')
      .execute(),
  ])
  return { ...programme, stageFees, supervisors }
}

export type LedProgramme = NonNullable<Awaited<ReturnType<typeof findLedProgramme>>>

/**
 * What the programme form asks about: each stage's fee (the active rule set's, as the default a
 * programme may override) and every supervisor who could supervise on it (the organisation's, and
 * anyone already on the programme).
 */
export async function programmeFormOptions(db: Db, organisationId: number, programmeId?: number) {
  const ruleSet = await db.selectFrom('rule_sets').select(['id', 'registration_fee_pence']).where('status', '=', 'active').orderBy('version', 'desc').executeTakeFirstOrThrow()
  const [stages, supervisors] = await Promise.all([
    db.selectFrom('rule_set_stages').select(['stage_number', 'name', 'fee_pence']).where('rule_set_id', '=', ruleSet.id).orderBy('stage_number').execute(),
    db
      .selectFrom('users')
      .select(['id', 'name', 'job_title'])
      .where(holdingRole('supervisor'))
      .where('deactivated_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('organisation_id', '=', organisationId),
          eb(
            'id',
            'in',
            eb
              .selectFrom('programme_supervisors')
              .select('user_id')
              .where('programme_id', '=', programmeId ?? 0),
          ),
        ]),
      )
      .orderBy('name')
      .execute(),
  ])
  return { defaultRegistrationFeePence: ruleSet.registration_fee_pence, stages, supervisors }
}

export async function createProgramme(trx: Db, viewer: Viewer & { organisationId: number | null }, input: ProgrammeInput): Promise<number> {
  if (viewer.organisationId === null) throw new Refusal('Your account belongs to no organisation, so it cannot create programmes. Ask an administrator.')
  const options = await programmeFormOptions(trx, viewer.organisationId)
  const { id } = await trx
    .insertInto('programmes')
    .values({
      organisation_id: viewer.organisationId,
      name: input.name,
      started_on: input.startedOn,
      funding_ends_on: input.fundingEndsOn,
      budget_pence: input.budgetPence,
      registration_fee_pence: input.registrationFeePence,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx.insertInto('programme_leads').values({ programme_id: id, user_id: viewer.id }).execute()
  await saveFeesAndCapacities(
    trx,
    id,
    input,
    options.supervisors.map((s) => s.id),
  )
  await appendAudit(trx, { actorId: viewer.id, action: 'programme.created', entityType: 'programme', entityId: id, after: await programmeSnapshot(trx, id) })
  return id
}

/** Saves the programme's edits; undefined when the viewer does not run it; a Refusal when a supervisor still has trainees. */
export async function updateProgramme(trx: Db, viewer: Viewer, programmeId: number, input: ProgrammeInput): Promise<true | undefined> {
  const programme = await findLedProgramme(trx, viewer, programmeId)
  if (!programme) return undefined
  const options = await programmeFormOptions(trx, programme.organisation_id, programmeId)
  const keeping = new Set(input.capacities.map((c) => c.userId))
  const stillSupervising = await trx
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.supervisor_id')
    .select(['users.id', 'users.name'])
    .where('enrolments.programme_id', '=', programmeId)
    .where('enrolments.status', 'in', ['active', 'paused'])
    .execute()
  const dropped = stillSupervising.find((s) => !keeping.has(s.id))
  if (dropped) {
    throw new Refusal(`${dropped.name} supervises trainees on this programme: give them a capacity, or reassign their trainees first.`, `capacity${dropped.id}`)
  }
  const before = await programmeSnapshot(trx, programmeId)
  await trx
    .updateTable('programmes')
    .set({
      name: input.name,
      started_on: input.startedOn,
      funding_ends_on: input.fundingEndsOn,
      budget_pence: input.budgetPence,
      registration_fee_pence: input.registrationFeePence,
    })
    .where('id', '=', programmeId)
    .execute()
  await trx.deleteFrom('programme_stage_fees').where('programme_id', '=', programmeId).execute()
  await trx.deleteFrom('programme_supervisors').where('programme_id', '=', programmeId).execute()
  await saveFeesAndCapacities(
    trx,
    programmeId,
    input,
    options.supervisors.map((s) => s.id),
  )
  await appendAudit(trx, { actorId: viewer.id, action: 'programme.updated', entityType: 'programme', entityId: programmeId, before, after: await programmeSnapshot(trx, programmeId) })
  return true
}

async function saveFeesAndCapacities(trx: Db, programmeId: number, input: ProgrammeInput, allowedSupervisorIds: number[]) {
  if (input.stageFees.length) {
    await trx
      .insertInto('programme_stage_fees')
      .values(input.stageFees.map((f) => ({ programme_id: programmeId, stage_number: f.stageNumber, fee_pence: f.feePence })))
      .execute()
  }
  const allowed = new Set(allowedSupervisorIds)
  const capacities = input.capacities.filter((c) => allowed.has(c.userId))
  if (capacities.length) {
    await trx
      .insertInto('programme_supervisors')
      .values(capacities.map((c) => ({ programme_id: programmeId, user_id: c.userId, capacity_minutes_per_month: c.minutesPerMonth })))
      .execute()
  }
}

/** The programme as its form shows it: the audit trail's before and after. */
async function programmeSnapshot(db: Db, programmeId: number) {
  const [programme, stageFees, capacities] = await Promise.all([
    db.selectFrom('programmes').select(['name', 'started_on', 'funding_ends_on', 'budget_pence', 'registration_fee_pence']).where('id', '=', programmeId).executeTakeFirstOrThrow(),
    db.selectFrom('programme_stage_fees').select(['stage_number', 'fee_pence']).where('programme_id', '=', programmeId).orderBy('stage_number').execute(),
    db.selectFrom('programme_supervisors').select(['user_id', 'capacity_minutes_per_month']).where('programme_id', '=', programmeId).orderBy('user_id').execute(),
  ])
  return { ...programme, stageFees, capacities }
}

/** The programme's enrolments the viewer may see (only `ids` when given), with supervisor and accreditor names, by trainee name. */
function programmeEnrolments(db: Db, viewer: Viewer, programmeId: number, ids?: number[]) {
  let query = enrolmentsWithCurrentStage(db)
    .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
    .leftJoin('users as accreditor', 'accreditor.id', 'enrolments.external_accreditor_id')
    .select(['supervisor.name as supervisor_name', 'accreditor.name as accreditor_name'])
    .where('enrolments.programme_id', '=', programmeId)
    .where(enrolmentScope(viewer))
  if (ids) query = query.where('enrolments.id', 'in', ids.length ? ids : [0])
  return query.orderBy('trainee.name').execute()
}

/**
 * The programme's trainees with their supervisor, accreditor, readiness, projected dates and flags,
 * as of `today` (a calendar date); progress through the cache (loadCachedProgress, ADR 0022).
 */
export async function listProgrammeEnrolments(db: Db, viewer: Viewer, programmeId: number, today: CalendarDate) {
  const enrolments = await programmeEnrolments(db, viewer, programmeId)
  const progress = await loadCachedProgress(db, enrolments, today)
  return enrolments.map((e) => {
    const full = progress.get(e.id)!
    return { ...e, ...dashboardFields(e, progressSummary(full)), ...full }
  })
}

/**
 * The lead's programme page (issue 14): every trainee's `DashboardRow` with stage name (`trainees`,
 * for the headline counts and charts, read from the progress cache's summary without parsing a
 * payload), and the one page of the filtered, sorted table that is shown (`table`, rows with their
 * full cached progress: readiness and flags' reasons). `query` as `TableQuerySchema` parses it;
 * `today` is a calendar date.
 */
export async function programmeTraineeTable(db: Db, viewer: Viewer, programmeId: number, today: CalendarDate, query: TableQuery & { page: number }) {
  const trainees = await listProgressSummaries(db, (eb) => eb.and([eb('enrolments.programme_id', '=', programmeId), enrolmentScope(viewer)(eb)]), today)
  const { rows, ...table } = pageOf(filterAndSort(trainees, query), query.page)
  const shown = await programmeEnrolments(
    db,
    viewer,
    programmeId,
    rows.map((r) => r.id),
  )
  const enrolmentOf = new Map(shown.map((e) => [e.id, e]))
  const progress = await loadCachedProgress(db, shown, today)
  return { trainees, table: { ...table, rows: rows.filter((r) => enrolmentOf.has(r.id)).map((r) => ({ ...enrolmentOf.get(r.id)!, ...r, ...progress.get(r.id)! })) } }
}
