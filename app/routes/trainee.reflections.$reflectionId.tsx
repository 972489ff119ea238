import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { useMemo } from 'react'
import { ReflectionFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { DeleteRecord, ReadOnlyNotice } from '~/components/record-actions'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { deleteReflection, getReflection, listActivePrinciples, updateReflection } from '~/models/reflection.server'
import { lockedStageReasons } from '~/models/stage-rules.server'
import { reflectionFormValues, reflectionSaved, reflectionSchema } from '~/schemas/reflection'
import { UPDATE_RECORD } from '~/schemas/record'
import { formatDate, formatInstant } from '~/utils/dates'
import { requireTrainee, updateOrDelete } from '~/utils/trainee.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Reflection – Attune' }]

async function load(request: Request, params: Record<string, string | undefined>) {
  const { user, db } = await requireTrainee(request)
  const reflection = found(await getReflection(db, { id: idParam(params.reflectionId), traineeId: user.id }))
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
  return updateOrDelete(request, db, {
    schema: reflectionSchema(principles),
    update: (trx, input) => updateReflection(trx, { ...owner, input }),
    remove: (trx) => deleteReflection(trx, owner),
    updated: (input) => reflectionSaved(input.decision, reflection.id),
    deleted: { to: '/trainee', message: 'Draft reflection deleted.' },
  })
}

export default function ReflectionPage() {
  const { reflection, principles, lockedReason } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const schema = useMemo(() => reflectionSchema(principles), [principles])
  const title =
    reflection.kind === 'stage_end'
      ? `Written reflection for Stage ${reflection.stage_number}`
      : `Reflection on supervision${reflection.session_held_on ? ` of ${formatDate(reflection.session_held_on)}` : ''}`
  const editable = reflection.status === 'draft' && !lockedReason
  return (
    <FormPage
      back={{ to: '/trainee/timeline', label: 'Everything I have logged' }}
      title={
        <>
          {title} <StatusTag status={reflection.status} />
        </>
      }
    >
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
            intent={UPDATE_RECORD}
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
            <p>You submitted this reflection{reflection.submitted_at ? ` on ${formatInstant(reflection.submitted_at)}` : ''}. Your supervisor can read it, so it can no longer be changed.</p>
          )}
          {reflection.ratings.length > 0 ? <SummaryList rows={reflection.ratings.map((r): [string, string] => [r.name, `${r.rating} out of 5`])} /> : null}
          <h2 className="nhsuk-heading-s">{reflection.kind === 'stage_end' ? 'Your written reflection' : 'Your reflection'}</h2>
          <p className="app-preserve-lines">{reflection.body || 'Nothing written.'}</p>
        </>
      )}
    </FormPage>
  )
}
