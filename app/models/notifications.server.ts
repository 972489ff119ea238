// Who is told what, when something happens: each function runs inside the transaction of the
// event that causes it (sign-off, accreditation, a session decided...) and writes the message to
// the outbox there (outbox.server.ts), so the e-mail exists exactly when the event does.
// The recipients are read here from the event's own rows (the enrolment's trainee, supervisor and
// accreditor), never chosen by the person acting.
import {
  invitationLetter,
  passwordResetLetter,
  readyForAccreditationLetter,
  reflectionFeedbackLetter,
  sessionDecidedLetter,
  stageAccreditedLetter,
  stageReturnedLetter,
  stageSignedOffLetter,
} from '~/emails/templates'
import { instantToCalendarDate } from '~/utils/dates'
import { env } from '~/utils/env.server'
import type { Db } from './db-types'
import { enqueueMessage } from './outbox.server'

const base = () => env.PUBLIC_BASE_URL

async function parties(trx: Db, enrolmentId: number) {
  return trx
    .selectFrom('enrolments')
    .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
    .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
    .leftJoin('users as accreditor', 'accreditor.id', 'enrolments.external_accreditor_id')
    .select([
      'trainee.id as trainee_id',
      'trainee.name as trainee_name',
      'supervisor.id as supervisor_id',
      'supervisor.name as supervisor_name',
      'accreditor.id as accreditor_id',
      'accreditor.name as accreditor_name',
    ])
    .where('enrolments.id', '=', enrolmentId)
    .executeTakeFirstOrThrow()
}

async function nameOf(trx: Db, userId: number): Promise<string> {
  return (await trx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name
}

/** Tells the trainee their supervision session was confirmed or returned (with the comment). */
export async function notifySessionDecided(
  trx: Db,
  input: { enrolmentId: number; sessionId: number; heldOn: string; decidedBy: number; decision: 'confirmed' | 'returned'; comment: string | null },
  now = new Date(),
) {
  const p = await parties(trx, input.enrolmentId)
  const letter = sessionDecidedLetter(base(), { name: p.trainee_name, supervisorName: await nameOf(trx, input.decidedBy), ...input })
  await enqueueMessage(trx, { kind: `session_${input.decision}`, recipientId: p.trainee_id, letter }, now)
}

/** Tells the trainee there is feedback on their reflection (the feedback itself stays in the app). */
export async function notifyReflectionFeedback(trx: Db, input: { enrolmentId: number; reflectionId: number; givenBy: number }, now = new Date()) {
  const p = await parties(trx, input.enrolmentId)
  const reflection = await trx.selectFrom('reflections').select('submitted_at').where('id', '=', input.reflectionId).executeTakeFirstOrThrow()
  const letter = reflectionFeedbackLetter(base(), {
    name: p.trainee_name,
    supervisorName: await nameOf(trx, input.givenBy),
    reflectionId: input.reflectionId,
    submittedOn: reflection.submitted_at ? instantToCalendarDate(reflection.submitted_at) : null,
  })
  await enqueueMessage(trx, { kind: 'reflection_feedback', recipientId: p.trainee_id, letter }, now)
}

/**
 * Tells the trainee their stage was signed off and, when it goes on to external accreditation,
 * tells the allocated accreditor it is ready for them.
 */
export async function notifyStageSignedOff(trx: Db, input: { enrolmentId: number; stageName: string; signedOffBy: number; completed: boolean; signedOffOn: string }, now = new Date()) {
  const p = await parties(trx, input.enrolmentId)
  const supervisorName = await nameOf(trx, input.signedOffBy)
  await enqueueMessage(
    trx,
    {
      kind: 'stage_signed_off',
      recipientId: p.trainee_id,
      letter: stageSignedOffLetter(base(), { name: p.trainee_name, supervisorName, stageName: input.stageName, completed: input.completed }),
    },
    now,
  )
  if (!input.completed && p.accreditor_id !== null && p.accreditor_name !== null) {
    const letter = readyForAccreditationLetter(base(), {
      name: p.accreditor_name,
      traineeName: p.trainee_name,
      stageName: input.stageName,
      signedOffOn: input.signedOffOn,
      enrolmentId: input.enrolmentId,
    })
    await enqueueMessage(trx, { kind: 'ready_for_accreditation', recipientId: p.accreditor_id, letter }, now)
  }
}

/** Tells the trainee their stage was accredited, with links to the certificates issued. */
export async function notifyStageAccredited(trx: Db, input: { enrolmentId: number; stageName: string; accreditedOn: string; certificateNumbers: string[] }, now = new Date()) {
  const p = await parties(trx, input.enrolmentId)
  const letter = stageAccreditedLetter(base(), { name: p.trainee_name, ...input })
  await enqueueMessage(trx, { kind: 'stage_accredited', recipientId: p.trainee_id, letter }, now)
}

/** Tells the trainee and their supervisor the stage was returned, with the accreditor's reasons. */
export async function notifyStageReturned(trx: Db, input: { enrolmentId: number; stageName: string; returnedBy: number; reasons: string }, now = new Date()) {
  const p = await parties(trx, input.enrolmentId)
  const accreditorName = await nameOf(trx, input.returnedBy)
  const common = { accreditorName, stageName: input.stageName, traineeName: p.trainee_name, reasons: input.reasons, enrolmentId: input.enrolmentId }
  await enqueueMessage(trx, { kind: 'stage_returned', recipientId: p.trainee_id, letter: stageReturnedLetter(base(), { ...common, name: p.trainee_name, to: 'trainee' }) }, now)
  if (p.supervisor_id !== null && p.supervisor_name !== null) {
    await enqueueMessage(trx, { kind: 'stage_returned', recipientId: p.supervisor_id, letter: stageReturnedLetter(base(), { ...common, name: p.supervisor_name, to: 'supervisor' }) }, now)
  }
}

/** The set-password link for someone a lead added: essential, so it always goes. */
export async function sendInvitation(trx: Db, input: { userId: number; invitedBy: number; path: string; days: number }, now = new Date()) {
  const letter = invitationLetter(base(), { name: await nameOf(trx, input.userId), invitedBy: await nameOf(trx, input.invitedBy), path: input.path, days: input.days })
  return enqueueMessage(trx, { kind: 'invitation', recipientId: input.userId, letter, essential: true }, now)
}

/** The reset link someone asked for: essential, so it always goes. */
export async function sendPasswordReset(trx: Db, input: { userId: number; path: string; minutes: number }, now = new Date()) {
  const letter = passwordResetLetter(base(), { name: await nameOf(trx, input.userId), path: input.path, minutes: input.minutes })
  return enqueueMessage(trx, { kind: 'password_reset', recipientId: input.userId, letter, essential: true }, now)
}
