import { z } from 'zod'

export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').email('Enter an email address like name@example.nhs.uk'),
  password: z.string().min(1, 'Enter your password'),
  redirectTo: z.string().default(''),
})
