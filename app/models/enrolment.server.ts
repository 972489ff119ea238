// Enrolments and the one access rule every feature uses: who may see which enrolment.
// A trainee sees their own; a supervisor the enrolments they supervise; an external accreditor
// those they accredit; a programme lead those on programmes they lead; an admin all.
// The rule is a WHERE clause, so a record outside it is never fetched at all.
import type { ExpressionBuilder } from 'kysely'
import type { DB, Role } from '../../db/schema'
import type { Db } from './db-types'

export interface Viewer {
  id: number
  role: Role
}

/** Restricts a query over `enrolments` to the rows `viewer` may see. */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<DB, 'enrolments'>) => {
    switch (viewer.role) {
      case 'trainee':
        return eb('enrolments.trainee_id', '=', viewer.id)
      case 'supervisor':
        return eb('enrolments.supervisor_id', '=', viewer.id)
      case 'accreditor':
        return eb('enrolments.external_accreditor_id', '=', viewer.id)
      case 'lead':
        return eb(
          'enrolments.programme_id',
          'in',
          eb.selectFrom('programme_leads').select('programme_leads.programme_id').where('programme_leads.user_id', '=', viewer.id),
        )
      case 'admin':
        return eb.val(1).$castTo<boolean>()
    }
  }
}

const enrolmentColumns = [
  'enrolments.id',
  'enrolments.trainee_id',
  'enrolments.programme_id',
  'enrolments.rule_set_id',
  'enrolments.started_on',
  'enrolments.current_stage',
  'enrolments.status',
  'enrolments.supervisor_id',
  'enrolments.external_accreditor_id',
  'enrolments.joined_at_stage',
  'enrolments.completed_on',
] as const

/** One enrolment, only if `viewer` may see it (else undefined: callers answer 404). */
export async function findVisibleEnrolment(db: Db, viewer: Viewer, enrolmentId: number) {
  return db
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select([...enrolmentColumns, 'trainee.name as trainee_name', 'programmes.name as programme_name', 'programmes.funding_ends_on'])
    .where('enrolments.id', '=', enrolmentId)
    .where(visibleTo(viewer))
    .executeTakeFirst()
}

/** The trainee's current enrolment: the active one, else the most recent. */
export async function findTraineeEnrolment(db: Db, traineeId: number) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .select([...enrolmentColumns, 'programmes.name as programme_name', 'programmes.funding_ends_on'])
    .where('enrolments.trainee_id', '=', traineeId)
    .orderBy((eb) => eb.case().when('enrolments.status', '=', 'active').then(0).else(1).end())
    .orderBy('enrolments.started_on', 'desc')
    .executeTakeFirst()
}

export async function listEnrolmentStages(db: Db, enrolmentIds: number[]) {
  if (enrolmentIds.length === 0) return []
  return db
    .selectFrom('enrolment_stages')
    .selectAll()
    .where('enrolment_id', 'in', enrolmentIds)
    .orderBy('enrolment_id')
    .orderBy('stage_number')
    .execute()
}

/**
 * The stage the trainee was in on `date`: the latest stage that had started by then. Evidence is
 * counted towards that stage ("each completed cycle counts toward the stage the trainee was in on
 * the shared-review date").
 */
export async function stageOnDate(db: Db, enrolmentId: number, date: string) {
  return db
    .selectFrom('enrolment_stages')
    .select(['stage_number', 'status', 'locked', 'started_on'])
    .where('enrolment_id', '=', enrolmentId)
    .where('started_on', '<=', date)
    .orderBy('stage_number', 'desc')
    .executeTakeFirst()
}

/**
 * Whether the records of one stage may still change. Sign-off locks a stage (read-only while it
 * awaits accreditation), a returned accreditation unlocks it, accreditation keeps it locked, and a
 * programme lead may unlock it with a written reason. So: editable exactly when `locked = 0`.
 */
export async function stageLock(db: Db, enrolmentId: number, stageNumber: number): Promise<{ open: true } | { open: false; reason: string }> {
  const stage = await db
    .selectFrom('enrolment_stages')
    .innerJoin('enrolments', 'enrolments.id', 'enrolment_stages.enrolment_id')
    .innerJoin('rule_set_stages', (join) =>
      join.onRef('rule_set_stages.rule_set_id', '=', 'enrolments.rule_set_id').onRef('rule_set_stages.stage_number', '=', 'enrolment_stages.stage_number'),
    )
    .select(['enrolment_stages.locked', 'enrolment_stages.status', 'enrolment_stages.completed_on', 'rule_set_stages.name'])
    .where('enrolment_stages.enrolment_id', '=', enrolmentId)
    .where('enrolment_stages.stage_number', '=', stageNumber)
    .executeTakeFirst()
  if (!stage) return { open: false, reason: 'That stage has not started yet.' }
  if (stage.locked === 0) return { open: true }
  const why =
    stage.status === 'accredited'
      ? `${stage.name} has been accredited`
      : stage.status === 'recognised'
        ? `${stage.name} was recognised from earlier training`
        : `${stage.name} has been signed off and is waiting for accreditation`
  return { open: false, reason: `${why}, so its records are read-only. Ask your programme lead if something needs correcting.` }
}
