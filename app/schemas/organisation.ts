import { z } from 'zod'
import { optionalText, requiredText } from './fields'

/** An admin adds an organisation and its first programme lead, who is sent a set-password link. */
export const OrganisationSchema = z.object({
  name: requiredText('the organisation’s name', 200),
  leadName: requiredText('the programme lead’s full name', 120),
  leadEmail: z.string().trim().min(1, 'Enter the programme lead’s email address').email('Enter an email address like name@example.nhs.uk').max(200),
  leadJobTitle: optionalText('job title', 120),
})
export type OrganisationInput = z.output<typeof OrganisationSchema>
