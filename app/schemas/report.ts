// The what-if form of the sustainability report: a GET form, so a projection can be bookmarked,
// shared and downloaded as PDF or CSV with the same numbers. Nothing is saved.
import { z } from 'zod'
import { calendarDate } from './fields'

const hours = z
  .string({ error: 'Enter the supervision capacity in hours a month' })
  .trim()
  .regex(/^\d{1,4}(\.\d{1,2})?$/, 'Enter the supervision capacity in hours a month, like 14 or 7.5')
  .transform((v) => Math.round(Number(v) * 60))

const pounds = z
  .string({ error: 'Enter the total budget in pounds' })
  .trim()
  .transform((v) => v.replace(/^£/, '').replace(/,(?=\d{3}\b)/g, ''))
  .refine((v) => /^\d{1,9}(\.\d{1,2})?$/.test(v), 'Enter the total budget in pounds, like 24000 or £24,000.50')
  .transform((v) => Math.round(Number(v) * 100))

export const WhatIfSchema = z
  .object({
    asOf: calendarDate('the as-of date'),
    endsOn: calendarDate('the end date'),
    capacityHours: hours,
    budgetPounds: pounds,
  })
  .transform(({ asOf, endsOn, capacityHours, budgetPounds }) => ({ asOf, endsOn, capacityMinutesPerMonth: capacityHours, budgetPence: budgetPounds }))

export type WhatIf = z.output<typeof WhatIfSchema>
