// The client form: an anonymised code, the relationship worked on, the family's helping question,
// their consent and, once work ends, the dates that drive recording erasure.
import { z } from 'zod'
import { identifyingDetailProblem } from '~/domain/client-code'
import { clientCodeIdentity, clientCodeProblem } from '~/domain/evidence-rules'
import type { Client } from '~db/schema'
import { manyOf, oneOf, optionalCalendarDate, optionalText, refuseFutureDate } from './fields'

export const RELATIONSHIPS = [
  { value: 'parent_infant', label: 'Parent and infant (under 1)' },
  { value: 'parent_toddler', label: 'Parent and toddler (1 to 3)' },
  { value: 'parent_child', label: 'Parent and child (4 and over)' },
  { value: 'carer_child', label: 'Foster or kinship carer and child' },
  { value: 'practitioner_child', label: 'Practitioner and child (for example in a nursery)' },
  { value: 'other', label: 'Another relationship' },
] as const

const relationshipValues = RELATIONSHIPS.map((r) => r.value) as unknown as readonly [(typeof RELATIONSHIPS)[number]['value'], ...string[]]

export function relationshipLabel(value: string): string {
  return RELATIONSHIPS.find((r) => r.value === value)?.label ?? value
}

export const CONSENT_SCOPES = [
  { value: 'supervision', label: 'Supervision', hint: 'Clips may be shown to your VIG supervisor. Needed to log cycles.' },
  { value: 'intervision', label: 'Intervision with other trainees', hint: 'Clips may be shown in group supervision.' },
  { value: 'training_events', label: 'Showing clips at training events', hint: 'This needs its own, separate consent from the family.' },
  { value: 'evaluation', label: 'The programme’s evaluation', hint: 'Their scores on outcome measures may be used, without their name or code, to evaluate VIG.' },
] as const

export function clientSchema(today: string) {
  return z
    .object({
      code: z
        .string({ error: 'Enter a client code' })
        .trim()
        .superRefine((code, ctx) => {
          const problem = clientCodeProblem(code)
          if (problem) ctx.addIssue({ code: 'custom', message: problem })
        })
        .transform(clientCodeIdentity),
      relationship: oneOf(relationshipValues, 'Choose the relationship you are working on'),
      helping_question: optionalText('the helping question', 500).superRefine((text, ctx) => {
        const problem = identifyingDetailProblem(text)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
      consent_given_on: optionalCalendarDate('the date consent was given'),
      consent_scopes: manyOf(['supervision', 'intervision', 'training_events', 'evaluation']),
      consent_withdrawn_on: optionalCalendarDate('the date consent was withdrawn'),
      work_ended_on: optionalCalendarDate('the date work ended'),
      recordings_erased_on: optionalCalendarDate('the date recordings were erased'),
    })
    .superRefine((v, ctx) => {
      if (v.consent_scopes.length > 0 && !v.consent_given_on) {
        ctx.addIssue({ code: 'custom', path: ['consent_given_on'], message: 'Enter the date consent was given' })
      }
      if (v.consent_given_on && v.consent_scopes.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['consent_scopes'], message: 'Tick what the family consented to' })
      }
      refuseFutureDate(ctx, 'consent_given_on', v.consent_given_on, today, 'The date consent was given cannot be in the future')
      const withdrawnOn = v.consent_withdrawn_on
      if (withdrawnOn && !v.consent_given_on) {
        ctx.addIssue({ code: 'custom', path: ['consent_withdrawn_on'], message: 'Consent cannot be withdrawn before it was given: enter the date it was given too' })
      }
      refuseFutureDate(ctx, 'consent_withdrawn_on', withdrawnOn, today, 'The date consent was withdrawn cannot be in the future')
      if (withdrawnOn && v.consent_given_on && withdrawnOn < v.consent_given_on) {
        ctx.addIssue({ code: 'custom', path: ['consent_withdrawn_on'], message: 'Consent cannot be withdrawn before it was given' })
      }
      refuseFutureDate(ctx, 'work_ended_on', v.work_ended_on, today, 'The date work ended cannot be in the future')
      refuseFutureDate(ctx, 'recordings_erased_on', v.recordings_erased_on, today, 'The date recordings were erased cannot be in the future')
    })
    .transform(({ consent_scopes, ...rest }) => ({
      ...rest,
      consent_supervision: consent_scopes.includes('supervision'),
      consent_intervision: consent_scopes.includes('intervision'),
      consent_training_events: consent_scopes.includes('training_events'),
      consent_evaluation: consent_scopes.includes('evaluation'),
    }))
}

export type ClientInput = z.output<ReturnType<typeof clientSchema>>

export const blankClient = {
  code: '',
  relationship: '',
  helping_question: '',
  consent_given_on: '',
  consent_scopes: [] as string[],
  consent_withdrawn_on: '',
  work_ended_on: '',
  recordings_erased_on: '',
}

/** A saved client as the form's starting values. */
export function clientFormValues(client: Client): typeof blankClient {
  return {
    code: client.code,
    relationship: client.relationship,
    helping_question: client.helping_question,
    consent_given_on: client.consent_given_on ?? '',
    consent_scopes: [
      client.consent_supervision ? 'supervision' : null,
      client.consent_intervision ? 'intervision' : null,
      client.consent_training_events ? 'training_events' : null,
      client.consent_evaluation ? 'evaluation' : null,
    ].filter((s): s is string => s !== null),
    consent_withdrawn_on: client.consent_withdrawn_on ?? '',
    work_ended_on: client.work_ended_on ?? '',
    recordings_erased_on: client.recordings_erased_on ?? '',
  }
}
