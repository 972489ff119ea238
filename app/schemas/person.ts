import { z } from 'zod'
import { id, optionalText, requiredText } from './fields'

/** The roles a programme lead may create accounts for: never leads or admins. */
export const PERSON_ROLES = ['trainee', 'supervisor', 'accreditor'] as const

export const ADD_PERSON = 'add-person'
export const PersonSchema = z.object({
  name: requiredText('their full name', 120),
  email: z.string().trim().min(1, 'Enter their email address').email('Enter an email address like name@example.nhs.uk').max(200),
  role: z.enum(PERSON_ROLES, { error: 'Choose what they will do here' }),
  jobTitle: optionalText('job title', 120),
})

/** A new set-password link for someone already added. */
export const NEW_PASSWORD_LINK = 'new-link'
export const PasswordLinkSchema = z.object({ userId: id() })

export const SetPasswordSchema = z
  .object({
    password: z.string().min(12, 'Choose a password of at least 12 characters').max(200, 'Choose a password of 200 characters or fewer'),
    confirmPassword: z.string().min(1, 'Type the password again').max(200, 'Choose a password of 200 characters or fewer'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords are not the same' })
