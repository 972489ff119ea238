// Creating and editing a programme. The stage fees and supervisor capacities are one field each,
// so the form is built for the stages and supervisors it shows.
import { z } from 'zod'
import { calendarDate, money, optionalMoney, requiredText } from './fields'

export const stageFeeField = (stageNumber: number) => `fee${stageNumber}`
export const capacityField = (supervisorId: number) => `capacity${supervisorId}`

const HOURS = /^\d{1,3}(\.\d{1,2})?$/

/** Supervision capacity in hours per month, as minutes; blank = not supervising on this programme. */
const capacityHours = () =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (HOURS.test(v) && Number(v) <= 300), 'Enter hours per month as a number up to 300, like 8 or 7.5')
    .transform((v) => (v === '' ? null : Math.round(Number(v) * 60)))

export interface ProgrammeFormShape {
  stageNumbers: number[]
  supervisorIds: number[]
}

export function programmeSchema({ stageNumbers, supervisorIds }: ProgrammeFormShape) {
  const fees = Object.fromEntries(stageNumbers.map((n) => [stageFeeField(n), optionalMoney(`the fee for stage ${n}`)]))
  const capacities = Object.fromEntries(supervisorIds.map((id) => [capacityField(id), capacityHours()]))
  return z
    .object({
      name: requiredText('the programme name', 120),
      startedOn: calendarDate('the start date'),
      fundingEndsOn: calendarDate('the funding end date'),
      budget: money('the budget'),
      registrationFee: optionalMoney('the registration fee'),
      ...fees,
      ...capacities,
    })
    .refine((v) => v.fundingEndsOn > v.startedOn, { path: ['fundingEndsOn'], message: 'The funding end date must be after the start date' })
    .transform((v) => {
      const read = v as unknown as Record<string, number | null>
      return {
        name: v.name,
        startedOn: v.startedOn,
        fundingEndsOn: v.fundingEndsOn,
        budgetPence: v.budget,
        registrationFeePence: v.registrationFee,
        stageFees: stageNumbers.flatMap((n) => (read[stageFeeField(n)] == null ? [] : [{ stageNumber: n, feePence: read[stageFeeField(n)]! }])),
        capacities: supervisorIds.flatMap((id) => (read[capacityField(id)] == null ? [] : [{ userId: id, minutesPerMonth: read[capacityField(id)]! }])),
      }
    })
}

export type ProgrammeInput = z.output<ReturnType<typeof programmeSchema>>
