import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { useMemo } from 'react'
import { SupervisionSessionFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { listClientChoices } from '~/models/client.server'
import { implausibleEvidenceOn } from '~/models/evidence.server'
import { createSupervisionSession, listSupervisorChoices, trainingAllowance } from '~/models/supervision.server'
import { supervisionSessionSchema } from '~/schemas/supervision-session'
import { today } from '~/utils/dates'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireTraineeEnrolment } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Log supervision – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db, enrolment } = await requireTraineeEnrolment(request)
  const [supervisors, clients, allowance] = await Promise.all([
    listSupervisorChoices(db, { enrolmentId: enrolment.id, traineeId: user.id }),
    listClientChoices(db, user.id),
    trainingAllowance(db, enrolment.id, enrolment.current_stage),
  ])
  return json({
    today: today(),
    supervisors: supervisors.map((s) => ({ value: String(s.id), label: s.name })),
    defaultSupervisor: enrolment.supervisor_id ? String(enrolment.supervisor_id) : supervisors[0] ? String(supervisors[0].id) : '',
    clients,
    trainingAllowance: allowance,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db, enrolment } = await requireTraineeEnrolment(request)
  const parsed = await parseForm(request, supervisionSessionSchema(today()))
  if (!parsed.ok) return invalid(parsed.failure)
  try {
    const id = await db.transaction().execute((trx) => createSupervisionSession(trx, { traineeId: user.id, enrolmentId: enrolment.id, actorId: user.id, input: parsed.data }))
    // Saved either way; an implausible day is shown on the session's own page (where this leads).
    const warned = (await implausibleEvidenceOn(db, enrolment.id, [parsed.data.held_on], 'supervision')).length > 0
    return redirectWithFlash(
      request,
      `/trainee/supervision/${id}`,
      warned ? 'Session logged. Please check the warning below.' : 'Session logged. It counts once your supervisor confirms it.',
    )
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function NewSupervisionSession() {
  const { today, supervisors, defaultSupervisor, clients, trainingAllowance } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const schema = useMemo(() => supervisionSessionSchema(today), [today])
  return (
    <FormPage back={{ to: '/trainee', label: 'My progress' }} title="Log a supervision session">
      {supervisors.length === 0 ? (
        <p>No supervisor is assigned to you yet. Ask your programme lead to assign one, then log your sessions here.</p>
      ) : (
        <ZodForm
          schema={schema}
          defaultValues={{ kind: 'supervision', held_on: '', minutes: '60', format: 'one_to_one', supervisor_id: defaultSupervisor, client_ids: [], notes: '' }}
          failure={failure}
          submitLabel="Save session"
        >
          <SupervisionSessionFields supervisors={supervisors} clients={clients} trainingAllowance={trainingAllowance} />
        </ZodForm>
      )}
    </FormPage>
  )
}
