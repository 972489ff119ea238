import { z } from 'zod'
import { id, manyOf, optionalText, requiredText } from './fields'

/** Every role a person may hold; several at once (ADR 0018). Admins give any; leads only PERSON_ROLES. */
export const ALL_ROLES = ['trainee', 'supervisor', 'accreditor', 'lead', 'admin'] as const

/** The roles a programme lead may create accounts for: never leads or admins. */
export const PERSON_ROLES = ['trainee', 'supervisor', 'accreditor'] as const

const email = () => z.string().trim().min(1, 'Enter their email address').email('Enter an email address like name@example.nhs.uk').max(200)
const roles = () => manyOf(ALL_ROLES).refine((v) => v.length > 0, 'Choose at least one role')

export const ADD_PERSON = 'add-person'
export const PersonSchema = z.object({
  name: requiredText('their full name', 120),
  email: email(),
  role: z.enum(PERSON_ROLES, { error: 'Choose what they will do here' }),
  jobTitle: optionalText('job title', 120),
})

/** Adding someone on the organisation's People page: one or several roles. */
export const OrganisationPersonSchema = z.object({
  name: requiredText('their full name', 120),
  email: email(),
  roles: roles(),
  jobTitle: optionalText('job title', 120),
})
export type OrganisationPersonInput = z.output<typeof OrganisationPersonSchema>

/** Changing someone's name, job title and roles (the e-mail address is their sign-in and stays). */
export const EDIT_PERSON = 'edit-person'
export const EditPersonSchema = z.object({
  userId: id(),
  name: requiredText('their full name', 120),
  jobTitle: optionalText('job title', 120),
  roles: roles(),
})
export type EditPersonInput = z.output<typeof EditPersonSchema>

/** Stopping someone signing in (their records stay), or letting them sign in again. */
export const DEACTIVATE_PERSON = 'deactivate-person'
export const REACTIVATE_PERSON = 'reactivate-person'

/** A new set-password link for someone already added. */
export const NEW_PASSWORD_LINK = 'new-link'
export const PasswordLinkSchema = z.object({ userId: id() })

export const SetPasswordSchema = z
  .object({
    password: z.string().min(12, 'Choose a password of at least 12 characters').max(200, 'Choose a password of 200 characters or fewer'),
    confirmPassword: z.string().min(1, 'Type the password again').max(200, 'Choose a password of 200 characters or fewer'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords are not the same' })
