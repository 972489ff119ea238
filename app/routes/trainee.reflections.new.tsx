import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { useMemo } from 'react'
import { ReflectionFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { stageOf } from '~/domain/rule-set'
import { createReflection, findSessionReflection, findStageEndReflection, listActivePrinciples, type ReflectionSubject } from '~/models/reflection.server'
import { getRuleSet } from '~/models/rule-set.server'
import { getSupervisionSession } from '~/models/supervision.server'
import { reflectionSaved, reflectionSchema } from '~/schemas/reflection'
import { formatDate } from '~/utils/dates'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireTrainee, requireTraineeEnrolment } from '~/utils/trainee.server'
import { found } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Write a reflection – Attune' }]

/** What the reflection is about, from the address: ?session=12 or ?stage-end. */
async function resolveSubject(request: Request) {
  const search = new URL(request.url).searchParams
  if (search.has('stage-end')) {
    const { user, db, enrolment } = await requireTraineeEnrolment(request)
    const stage = stageOf(await getRuleSet(db, enrolment.rule_set_id), enrolment.current_stage)
    const subject: ReflectionSubject = { kind: 'stage_end', enrolmentId: enrolment.id, stageNumber: enrolment.current_stage }
    const existing = await findStageEndReflection(db, { enrolmentId: enrolment.id, traineeId: user.id, stageNumber: stage.stageNumber })
    const principles: Awaited<ReturnType<typeof listActivePrinciples>> = []
    return { user, db, subject, existing, principles, title: `Written reflection for ${stage.name}` }
  }
  const { user, db } = await requireTrainee(request)
  const session = found(await getSupervisionSession(db, { id: Number(search.get('session')), traineeId: user.id }))
  const subject: ReflectionSubject = { kind: 'session', sessionId: session.id }
  const existing = await findSessionReflection(db, { sessionId: session.id, traineeId: user.id })
  return { user, db, subject, existing, principles: await listActivePrinciples(db), title: `Reflection on supervision of ${formatDate(session.held_on)}` }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { subject, existing, principles, title } = await resolveSubject(request)
  if (existing) throw redirect(`/trainee/reflections/${existing.id}`)
  return json({ kind: subject.kind, principles, title })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db, subject, principles } = await resolveSubject(request)
  const parsed = await parseForm(request, reflectionSchema(principles))
  if (!parsed.ok) return invalid(parsed.failure)
  const input = parsed.data
  try {
    const id = await db.transaction().execute((trx) => createReflection(trx, { traineeId: user.id, actorId: user.id, subject, input }))
    const { to, message } = reflectionSaved(input.decision, id)
    return redirectWithFlash(request, to, message)
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function NewReflection() {
  const { kind, principles, title } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const schema = useMemo(() => reflectionSchema(principles), [principles])
  return (
    <FormPage back={{ to: '/trainee', label: 'My progress' }} title={<>{title}</>}>
      <p>Save a draft at any time and come back to it. Once you submit it, your supervisor can read it and it can no longer be changed.</p>
      <ZodForm
        schema={schema}
        defaultValues={{ body: '' }}
        failure={failure}
        submitLabel="Submit to supervisor"
        choice={{ name: 'decision', value: 'submit', other: { value: 'draft', label: 'Save draft' } }}
      >
        <ReflectionFields principles={principles} kind={kind} />
      </ZodForm>
    </FormPage>
  )
}
