// Which stage a piece of evidence counts towards, and whether that stage may still change. Evidence
// counts towards the stage the trainee was in on its date (the shared review, the session); a
// stage's records are editable exactly while it is unlocked (enrolment.server.ts stageLock).
import { formatDate } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import type { Db } from './db-types'
import { stageLock, stageOnDate } from './enrolment.server'

/** The stage `date` falls in; a Refusal (next to `field`) when it is before training or in a locked stage. */
export async function writableStageOn(db: Db, enrolmentId: number, date: string, what: string, field: string): Promise<number> {
  const stage = await stageOnDate(db, enrolmentId, date)
  if (!stage) throw new Refusal(`${formatDate(date)} is before your training started, so it cannot count towards a stage`, field)
  const lock = await stageLock(db, enrolmentId, stage.stage_number)
  if (!lock.open) throw new Refusal(`${what} on ${formatDate(date)} would count towards an earlier stage. ${lock.reason}`, field)
  return stage.stage_number
}

/** Throws a Refusal (the lock's reason) for a change to a record of `stageNumber` while that stage is locked (null: not yet in a stage). */
export async function stageIsWritable(db: Db, enrolmentId: number, stageNumber: number | null): Promise<void> {
  if (stageNumber === null) return
  const lock = await stageLock(db, enrolmentId, stageNumber)
  if (!lock.open) throw new Refusal(lock.reason)
}

/** Why each of these stages is read-only (absent when it is open), for showing beside records. */
export async function lockedStageReasons(db: Db, enrolmentId: number, stageNumbers: (number | null)[]): Promise<Map<number, string>> {
  const reasons = new Map<number, string>()
  for (const stageNumber of new Set(stageNumbers)) {
    if (stageNumber === null) continue
    const lock = await stageLock(db, enrolmentId, stageNumber)
    if (!lock.open) reasons.set(stageNumber, lock.reason)
  }
  return reasons
}

/**
 * Throws a Refusal (the lock's reason) unless the supervisor may still give feedback on a reflection
 * of `stageNumber`: while the stage is open, and also while it is signed off and waiting for the
 * accreditor (issue 12: a sign-off does not make an unread reflection disappear; feedback is the
 * supervisor's word, not the trainee's evidence, so the lock on the evidence does not stop it).
 */
export async function stageOpenForFeedback(db: Db, enrolmentId: number, stageNumber: number | null): Promise<void> {
  if (stageNumber === null) return
  const stage = await db.selectFrom('enrolment_stages').select(['status', 'completed_on']).where('enrolment_id', '=', enrolmentId).where('stage_number', '=', stageNumber).executeTakeFirst()
  if (stage?.status === 'signed_off' && stage.completed_on === null) return
  await stageIsWritable(db, enrolmentId, stageNumber)
}
