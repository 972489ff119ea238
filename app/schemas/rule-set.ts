import { z } from 'zod'
import { checkbox, id, optionalText, requiredText, wholeNumber } from './fields'

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
