import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { ReflectionFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { DeleteRecord, ReadOnlyNotice } from '~/components/record-actions'
import { StatusTag } from '~/components/status-tag'
import { SummaryRow } from '~/components/summary-row'
import { deleteReflection, getReflection, listActivePrinciples, updateReflection } from '~/models/reflection.server'
import { lockedStageReasons } from '~/models/stage-rules.server'
import { reflectionFormValues, reflectionSchema } from '~/schemas/reflection'
import { formatDate, formatInstant } from '~/utils/dates'
import { invalid, parseForm, refused } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { idParam, intentOf, notFound, requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Reflection – Attune' }]

async function load(request: Request, params: Record<string, string | undefined>) {
  const { user, db } = await requireTrainee(request)
  const reflection = await getReflection(db, { id: idParam(params, 'reflectionId'), traineeId: user.id })
  if (!reflection) throw notFound()
  const principles = reflection.kind === 'session' ? await listActivePrinciples(db) : []
  return { user, db, reflection, principles }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, reflection, principles } = await load(request, params)
  const locks = await lockedStageReasons(db, reflection.enrolment_id, [reflection.stage_number])
  return json({ reflection, principles, lockedReason: locks.get(reflection.stage_number) ?? null })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, reflection, principles } = await load(request, params)
  const owner = { id: reflection.id, traineeId: user.id, actorId: user.id }
  const intent = await intentOf(request)
  if (intent === 'delete') {
    const result = await db.transaction().execute((trx) => deleteReflection(trx, owner))
    if (!result.ok) return json({ ok: false as const, intent, deleteError: result.message })
    return redirectWithFlash(request, '/trainee', 'Draft reflection deleted.')
  }
  const parsed = await parseForm(request, reflectionSchema(principles))
  if (!parsed.ok) return invalid(parsed.failure, 'update')
  const result = await db.transaction().execute((trx) => updateReflection(trx, { ...owner, input: parsed.data }))
  if (!result.ok) return refused(parsed.values, result, 'update')
  return parsed.data.decision === 'submit'
    ? redirectWithFlash(request, '/trainee', 'Reflection submitted. Your supervisor can now read it.')
    : redirectWithFlash(request, `/trainee/reflections/${reflection.id}`, 'Draft saved. Only you can see it until you submit it.')
}

export default function ReflectionPage() {
  const { reflection, principles, lockedReason } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const schema = useMemo(() => reflectionSchema(principles), [principles])
  const title = reflection.kind === 'stage_end' ? `Written reflection for Stage ${reflection.stage_number}` : `Reflection on supervision${reflection.session_held_on ? ` of ${formatDate(reflection.session_held_on)}` : ''}`
  const editable = reflection.status === 'draft' && !lockedReason
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/trainee/timeline" className="nhsuk-back-link">
          Everything I have logged
        </Link>
        <h1>
          {title} <StatusTag status={reflection.status} />
        </h1>
        {reflection.feedback ? (
          <div className="nhsuk-card nhsuk-card--feature">
            <div className="nhsuk-card__content nhsuk-card__content--feature">
              <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">Feedback from {reflection.feedback_by_name ?? 'your supervisor'}</h2>
              <p className="nhsuk-card__description">{reflection.feedback}</p>
              {reflection.feedback_at ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{formatInstant(reflection.feedback_at)}</p> : null}
            </div>
          </div>
        ) : null}
        {editable ? (
          <>
            <p>This is a draft: only you can see it. Submit it when it is ready for your supervisor.</p>
            {reflection.supervision_session_id ? (
              <p>
                <Link to={`/trainee/supervision/${reflection.supervision_session_id}`}>See the supervision session</Link>
              </p>
            ) : null}
            <ZodForm
              schema={schema}
              defaultValues={reflectionFormValues(reflection.body, reflection.ratings)}
              failure={answer && 'fieldErrors' in answer ? answer : null}
              intent="update"
              submitLabel="Submit to supervisor"
              choice={{ name: 'decision', value: 'submit', other: { value: 'draft', label: 'Save draft' } }}
            >
              <ReflectionFields principles={principles} kind={reflection.kind} />
            </ZodForm>
            <DeleteRecord what="draft" error={answer && 'deleteError' in answer ? answer.deleteError : null} warning="Everything in this draft will be lost." />
          </>
        ) : (
          <>
            {lockedReason ? (
              <ReadOnlyNotice reason={lockedReason} />
            ) : (
              <p>
                You submitted this reflection{reflection.submitted_at ? ` on ${formatInstant(reflection.submitted_at)}` : ''}. Your supervisor can read it, so it can no longer be
                changed.
              </p>
            )}
            {reflection.ratings.length > 0 ? (
              <dl className="nhsuk-summary-list">
                {reflection.ratings.map((r) => (
                  <SummaryRow key={r.principle_id} label={r.name}>
                    {r.rating} out of 5
                  </SummaryRow>
                ))}
              </dl>
            ) : null}
            <h2 className="nhsuk-heading-s">{reflection.kind === 'stage_end' ? 'Your written reflection' : 'Your reflection'}</h2>
            <p className="app-preserve-lines">{reflection.body || 'Nothing written.'}</p>
          </>
        )}
      </div>
    </div>
  )
}
