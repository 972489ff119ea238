import { z } from 'zod'
import { FLAG_CODES } from '~/domain/risk'
import { id, oneOf, optionalCalendarDate, optionalText, requiredText } from './fields'

export const RAISE_CONCERN = 'raise'
export const ConcernSchema = z.object({
  flagCode: oneOf(FLAG_CODES, 'Choose the flag this is about'),
  note: requiredText('what you know about this', 1000),
  actionPlan: optionalText('the action plan', 2000),
  reviewOn: optionalCalendarDate('the review date'),
})

export const CLOSE_CONCERN = 'close'
export const CloseConcernSchema = z.object({
  concernId: id(),
})
