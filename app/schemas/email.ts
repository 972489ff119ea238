import { z } from 'zod'
import { id, oneOf } from './fields'

export const EMAIL_FREQUENCIES = ['immediate', 'daily', 'weekly', 'off'] as const

/** How often someone hears from Attune about things that are not essential (account e-mails always go). */
export const EmailPreferencesSchema = z.object({
  frequency: oneOf(EMAIL_FREQUENCIES, 'Choose how often you want e-mail'),
})

/** "Forgotten your password?": the address to send a reset link to. */
export const ForgotPasswordSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').email('Enter an email address like name@example.nhs.uk').max(200),
})

/** The one-click unsubscribe form: nothing to fill in, the signed link says who. */
export const UnsubscribeSchema = z.object({})

/** An admin putting a failed or uncertain message back in the queue. */
export const SendAgainSchema = z.object({ messageId: id() })
