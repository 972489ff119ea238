// The reflection form: after a session, a 1-5 self-rating against each principle of attuned
// interaction and guidance plus free text; at the end of a stage, the written reflection alone.
// A draft may be incomplete (nothing typed is lost); submitting needs everything.
import { z } from 'zod'
import { optionalText } from './fields'

export const RATINGS = [
  { value: '1', label: '1' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5' },
]

export interface PrincipleRef {
  id: number
  name: string
}

export const ratingField = (principleId: number) => `rating_${principleId}`

const rating = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.enum(['1', '2', '3', '4', '5'], { error: 'Choose a rating from 1 to 5' }).nullable())

/** `principles` are the ones to rate: the active principles for a session reflection, none at stage end. */
export function reflectionSchema(principles: PrincipleRef[]) {
  const ratings = Object.fromEntries(principles.map((p) => [ratingField(p.id), rating]))
  return z
    .object({
      decision: z.enum(['draft', 'submit']).default('draft'),
      body: optionalText('your reflection', 10000),
      ...ratings,
    })
    .superRefine((v, ctx) => {
      if (v.decision !== 'submit') return
      if (v.body === '') ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write your reflection before submitting it' })
      for (const p of principles) {
        if ((v as Record<string, unknown>)[ratingField(p.id)] == null) {
          ctx.addIssue({ code: 'custom', path: [ratingField(p.id)], message: `Choose a rating for ${p.name.toLowerCase()}` })
        }
      }
    })
    .transform((v) => ({
      decision: v.decision,
      body: v.body,
      ratings: principles.flatMap((p) => {
        const value = (v as Record<string, unknown>)[ratingField(p.id)]
        return typeof value === 'string' ? [{ principleId: p.id, rating: Number(value) }] : []
      }),
    }))
}

export type ReflectionInput = z.output<ReturnType<typeof reflectionSchema>>

export function reflectionFormValues(body: string, ratings: { principle_id: number; rating: number }[]) {
  return { body, ...Object.fromEntries(ratings.map((r) => [ratingField(r.principle_id), String(r.rating)])) }
}

/** Where saving a reflection leads: a draft back to itself, a submission home. */
export function reflectionSaved(decision: ReflectionInput['decision'], id: number) {
  return decision === 'submit'
    ? { to: '/trainee', message: 'Reflection submitted. Your supervisor can now read it.' }
    : { to: `/trainee/reflections/${id}`, message: 'Draft saved. Only you can see it until you submit it.' }
}
