// A supervisor's decisions on what a trainee logged.
import { z } from 'zod'
import { requiredText } from './fields'

/** Returning a supervision session: the trainee sees the comment and can correct the session. */
export const ReturnSessionSchema = z.object({
  comment: requiredText('what the trainee needs to correct', 1000),
})

export const ReflectionFeedbackSchema = z.object({
  feedback: requiredText('your feedback', 4000),
})
