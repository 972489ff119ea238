// A trainee's submitted reflections, newest first, each with the supervisor's feedback form while
// its stage is open.
import { TextArea, ZodForm, type ServerFailure } from '~/components/form'
import type { listReflectionsToRead } from '~/models/review.server'
import { GIVE_FEEDBACK, ReflectionFeedbackSchema } from '~/schemas/review'
import { formatInstant } from '~/utils/dates'

type Reflection = Awaited<ReturnType<typeof listReflectionsToRead>>[number]

export function ReflectionsToRead({
  reflections,
  lockedStages,
  filtered = false,
  failure,
}: {
  reflections: Reflection[]
  /** Stage numbers whose records are locked: no feedback form there. */
  lockedStages: number[]
  /** The records filter is set: an empty list means nothing matches. */
  filtered?: boolean
  failure: ServerFailure | null | undefined
}) {
  return (
    <section id="reflections" aria-labelledby="reflections-heading">
      <h2 id="reflections-heading">Reflections</h2>
      {reflections.length === 0 ? <p>{filtered ? 'No reflections match.' : 'No reflections submitted yet.'}</p> : null}
      {reflections.map((r) => (
        <div className="nhsuk-card" key={r.id}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">
              {r.kind === 'stage_end' ? 'Stage-end written reflection' : 'Reflection on supervision'}, submitted {formatInstant(r.submitted_at)}
              {r.feedback ? null : (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--yellow">To read</strong>
                </>
              )}
            </h3>
            <p className="app-wrap">{r.body}</p>
            {r.ratings.length ? (
              <ul className="nhsuk-list nhsuk-body-s">
                {r.ratings.map((rating) => (
                  <li key={rating.name}>
                    {rating.name}: {rating.rating} of 5{rating.comment ? `, ${rating.comment}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {r.feedback ? (
              <p className="nhsuk-body-s">
                Your feedback{r.feedback_by_name ? ` (${r.feedback_by_name}, ${formatInstant(r.feedback_at)})` : ''}: {r.feedback}
              </p>
            ) : null}
            {lockedStages.includes(r.stage_number) ? null : (
              <ZodForm
                schema={ReflectionFeedbackSchema}
                intent={GIVE_FEEDBACK}
                record={{ reflectionId: r.id }}
                defaultValues={{ feedback: r.feedback ?? '' }}
                failure={failure}
                submitLabel={r.feedback ? 'Update feedback' : 'Give feedback'}
              >
                <TextArea name="feedback" label="Feedback for the trainee" rows={3} />
              </ZodForm>
            )}
          </div>
        </div>
      ))}
    </section>
  )
}
