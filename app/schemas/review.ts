// A supervisor's decisions on what a trainee logged.
import { z } from 'zod'
import { id, manyIds, requiredText } from './fields'

/** Confirming several sessions at once: the ticked boxes of the supervision table. */
export const CONFIRM_SESSIONS = 'confirm-sessions'
export const ConfirmSessionsSchema = z.object({
  sessionIds: manyIds()
    .refine((ids) => ids.length > 0, 'Choose at least one session to confirm')
    .refine((ids) => ids.length <= 200, 'Confirm at most 200 sessions at once'),
})

/** Returning a supervision session: the trainee sees the comment and can correct the session. */
export const RETURN_SESSION = 'return-session'
export const ReturnSessionSchema = z.object({
  sessionId: id(),
  comment: requiredText('what the trainee needs to correct', 1000),
})

export const GIVE_FEEDBACK = 'feedback'
export const ReflectionFeedbackSchema = z.object({
  reflectionId: id(),
  feedback: requiredText('your feedback', 4000),
})
