import { z } from 'zod'
import { requiredText } from './fields'

export const RevokeCertificateSchema = z.object({
  reason: requiredText('the reason for revoking this certificate', 500),
})
