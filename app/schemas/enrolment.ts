import { z } from 'zod'
import { calendarDate, chosenId, id, optionalText, requiredText, wholeNumber } from './fields'

export const NOT_OWN_SUPERVISOR = 'The external accreditor cannot be the trainee’s own supervisor. Choose someone else.'
/** Nobody supervises or accredits their own training, whatever roles they hold (ADR 0018). */
export const NOT_OWN_SUPERVISION = 'A trainee cannot supervise their own training. Choose someone else.'
export const NOT_OWN_ACCREDITATION = 'A trainee cannot accredit their own training. Choose someone else.'

export const EnrolSchema = z
  .object({
    traineeId: chosenId('Choose the trainee'),
    ruleSetId: chosenId('Choose the rule set'),
    startedOn: calendarDate('the start date'),
    startingStage: wholeNumber('the starting stage', 0, 9),
    priorLearningReason: optionalText('the reason', 1000),
    supervisorId: chosenId('Choose their supervisor'),
    accreditorId: chosenId('Choose their external accreditor'),
  })
  .refine((v) => v.startingStage === 0 || v.priorLearningReason !== '', {
    path: ['priorLearningReason'],
    message: 'Say why the earlier stages are recognised (for example, the course and Stage 1 completed with another provider)',
  })
  .refine((v) => v.accreditorId !== v.supervisorId, { path: ['accreditorId'], message: NOT_OWN_SUPERVISOR })

export type EnrolInput = z.output<typeof EnrolSchema>

/** The lead's page of one enrolment: change a supervisor or accreditor, unlock or relock a stage. */
export const REASSIGN = 'reassign'
export const ReassignSchema = z.object({
  kind: z.enum(['supervisor', 'accreditor'], { error: 'Choose whom to change' }),
  userId: chosenId('Choose the person'),
  fromOn: calendarDate('the date the change starts'),
  reason: requiredText('the reason for the change', 1000),
})

export type ReassignInput = z.output<typeof ReassignSchema>

export const UNLOCK_STAGE = 'unlock'
export const UnlockSchema = z.object({
  stageNumber: wholeNumber('the stage', 0, 9),
  reason: requiredText('why the records need to change', 1000),
})

export const RELOCK_STAGE = 'relock'
export const RelockSchema = z.object({
  stageNumber: wholeNumber('the stage', 0, 9),
  reason: optionalText('a note', 1000),
})

/** Previewing a move to another rule-set version: a GET form, its choice lands in the URL. */
export const PreviewVersionSchema = z.object({
  ruleSet: chosenId('Choose the version to compare'),
})

export const MOVE_VERSION = 'move-version'
export const MoveVersionSchema = z.object({
  ruleSetId: id(),
  reason: requiredText('the reason for the move', 1000),
})
