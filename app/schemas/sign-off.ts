// Signing a stage off, and the external accreditor's decision on it. Whether a stage is ready, and
// so whether an override reason is needed, is decided by the server from the evidence, not by the
// form: the form only carries the reason when the supervisor gives one.
// Every decision takes two steps (issue 12): the first post shows a summary of what the decision
// rests on; only the second, carrying `confirmed`, decides. The hidden field keeps this working
// without JavaScript.
import { z } from 'zod'
import { today } from '~/utils/dates'
import { checkbox, optionalCalendarDate, optionalText, pastCalendarDate, requiredText, wholeNumber } from './fields'

export const SIGN_OFF = 'sign-off'
export const SignOffSchema = z.object({
  /** The stage the supervisor was looking at, so a stale page cannot sign off a later stage. */
  stageNumber: wholeNumber('the stage', 0, 9),
  /** The end-of-stage meeting, recorded with the sign-off when it is not recorded yet. */
  meetingHeldOn: optionalCalendarDate('the date of the meeting').refine((v) => v === null || v <= today(), 'The date of the meeting cannot be in the future'),
  meetingNotes: optionalText('notes', 4000),
  overrideReason: optionalText('the reason', 2000),
  /** Set by the summary's confirmation button: without it the post only shows the summary. */
  confirmed: checkbox(),
})

export type SignOffInput = z.output<typeof SignOffSchema>

/** The accreditor's two decisions on a stage waiting for them. */
export const ACCREDIT = 'accredit'
export const AccreditSchema = z.object({
  stageNumber: wholeNumber('the stage', 0, 9),
  accreditedOn: pastCalendarDate('the date of accreditation'),
  confirmed: checkbox(),
})

export const RETURN_STAGE = 'return'
export const ReturnStageSchema = z.object({
  stageNumber: wholeNumber('the stage', 0, 9),
  reasons: requiredText('what the trainee and supervisor need to do before accreditation', 4000),
  confirmed: checkbox(),
})
