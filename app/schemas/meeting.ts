import { z } from 'zod'
import { optionalText, pastCalendarDate } from './fields'

export const RECORD_INTRODUCTION = 'introduction'
export const IntroductionSchema = z.object({
  heldOn: pastCalendarDate('the date of the introduction session'),
  notes: optionalText('notes', 4000),
})

/** The end-of-stage meeting (transition, mid-point or accreditation meeting). */
export const RECORD_END_MEETING = 'end-meeting'
export const EndMeetingSchema = z
  .object({
    heldOn: pastCalendarDate('the date of the meeting'),
    outcome: z.enum(['passed', 'not_yet'], { error: 'Choose the outcome of the meeting' }),
    notes: optionalText('notes', 4000),
    actions: optionalText('the actions', 4000),
  })
  .refine((v) => v.outcome === 'passed' || v.actions !== '', {
    path: ['actions'],
    message: 'Enter the actions the trainee needs to take before the stage can pass',
  })

export type EndMeetingInput = z.output<typeof EndMeetingSchema>
