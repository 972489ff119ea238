import { z } from 'zod'
import { hasControlCharacters } from './fields'

export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(200, 'Enter an email address of 200 characters or fewer').email('Enter an email address like name@example.nhs.uk'),
  password: z.string().min(1, 'Enter your password').max(200, 'Enter a password of 200 characters or fewer'),
  // Where to go after signing in (checked again by safeRedirect); anything odd just means "home".
  redirectTo: z
    .string()
    .default('')
    .transform((v) => (v.length <= 2000 && !hasControlCharacters(v) ? v : '')),
})
