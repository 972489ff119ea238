import { z } from 'zod'
import { stageRequirementProblems, type StageRequirements } from '~/domain/rule-set'
import { poundsFromPence } from '~/utils/money'
import { checkbox, id, money, oneOf, optionalText, requiredText, wholeNumber } from './fields'

export const ThresholdsSchema = z.object({
  supervisionGapWeeks: wholeNumber('weeks without supervision', 1, 52),
  cycleGapWeeks: wholeNumber('weeks without a cycle', 1, 52),
  overrunRedMonths: wholeNumber('months past the expected length', 1, 24),
  behindPacePercent: wholeNumber('the behind-pace percentage', 5, 100),
  waitingDays: wholeNumber('days something may wait', 1, 90),
  erasureWarningDays: wholeNumber('days of warning before erasure', 0, 90),
  recordingRetentionDays: wholeNumber('days recordings may be kept', 1, 730),
  maxSupervisionHoursPerDay: wholeNumber('hours of supervision on one day', 1, 24),
  maxSharedReviewsPerDay: wholeNumber('shared reviews on one day', 1, 20),
})

export const PrincipleSchema = z.object({
  principleId: id(),
  name: requiredText('the principle’s name', 80),
  description: optionalText('the description', 300),
  active: checkbox(),
})

// Rule-set versions (ADR 0017): the admin's rule-set page has several forms.
export const SAVE_THRESHOLDS = 'save-thresholds'
export const NEW_VERSION = 'new-version'
export const SAVE_DETAILS = 'save-details'
export const SAVE_STAGE = 'save-stage'
export const PUBLISH_VERSION = 'publish-version'

export const DraftDetailsSchema = z.object({
  name: requiredText('the version’s name', 120),
  awardTitle: requiredText('the award title', 120),
})

const HOURS = /^\d{1,3}(\.\d{1,2})?$/

/** Hours typed as a number (7, 7.5 or 0.25), as whole minutes, from 0 to `max` hours. */
const hours = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}, or 0`)
    .refine((v) => HOURS.test(v) && Number(v) <= max, `Enter ${label} as a number of hours from 0 to ${max}, like 8 or 7.5`)
    .transform((v) => Math.round(Number(v) * 60))

export const END_MEETING_VALUES = ['course_completion', 'transition', 'midpoint', 'accreditation'] as const

/** One stage of a draft version: every requirement, with the cross-field rules of stageRequirementProblems by field. */
export const DraftStageSchema = z
  .object({
    stageNumber: z.coerce.number().int().min(0).max(20),
    name: requiredText('the stage’s name', 60),
    requiredCycles: wholeNumber('the number of cycles', 0, 60),
    requiredNewClients: wholeNumber('the number of new clients', 0, 30),
    supervisionHours: hours('the hours of supervision', 100),
    supervisionByTrainingHours: hours('the hours of training that may replace supervision', 100),
    requiresIntroductionSession: checkbox(),
    endMeeting: oneOf(END_MEETING_VALUES, 'Choose how the stage ends'),
    requiresWrittenReflection: checkbox(),
    requiresExternalAccreditation: checkbox(),
    expectedMonths: wholeNumber('the expected months', 1, 36),
    fee: money('the stage fee'),
  })
  .transform((v): StageRequirements => ({
    stageNumber: v.stageNumber,
    name: v.name,
    requiredCycles: v.requiredCycles,
    requiredNewClients: v.requiredNewClients,
    requiredSupervisionMinutes: v.supervisionHours,
    supervisionByTrainingMinutes: v.supervisionByTrainingHours,
    requiresIntroductionSession: v.requiresIntroductionSession,
    endMeeting: v.endMeeting,
    requiresWrittenReflection: v.requiresWrittenReflection,
    requiresExternalAccreditation: v.requiresExternalAccreditation,
    expectedMonths: v.expectedMonths,
    feePence: v.fee,
  }))
  .superRefine((stage, ctx) => {
    for (const [field, message] of Object.entries(stageRequirementProblems(stage))) ctx.addIssue({ code: 'custom', path: [field], message })
  })

/** A stage's requirements as the draft form shows them (hours and pounds as typed text). */
export function draftStageFormValues(stage: StageRequirements) {
  return {
    name: stage.name,
    requiredCycles: String(stage.requiredCycles),
    requiredNewClients: String(stage.requiredNewClients),
    supervisionHours: hoursText(stage.requiredSupervisionMinutes),
    supervisionByTrainingHours: hoursText(stage.supervisionByTrainingMinutes),
    requiresIntroductionSession: stage.requiresIntroductionSession,
    endMeeting: stage.endMeeting,
    requiresWrittenReflection: stage.requiresWrittenReflection,
    requiresExternalAccreditation: stage.requiresExternalAccreditation,
    expectedMonths: String(stage.expectedMonths),
    fee: poundsFromPence(stage.feePence),
  }
}

function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100)
}

/** A new pathway (the supervisor pathway, say): its first version starts as a draft whose numbers are set locally. */
export const NewPathwaySchema = z.object({
  name: requiredText('the pathway’s name', 80),
  description: optionalText('the description', 300),
  awardTitle: requiredText('the award title', 120),
  stageCount: wholeNumber('the number of stages after the introductory course', 1, 6),
})
