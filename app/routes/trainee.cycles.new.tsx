import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { useMemo } from 'react'
import { CycleFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { listClientChoices } from '~/models/client.server'
import { createCycle } from '~/models/cycle.server'
import { implausibleEvidenceOn } from '~/models/evidence.server'
import { cycleSchema } from '~/schemas/cycle'
import { today } from '~/utils/dates'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireTraineeEnrolment } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Log a cycle – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db } = await requireTraineeEnrolment(request)
  const clients = await listClientChoices(db, user.id)
  const chosen = new URL(request.url).searchParams.get('client') ?? ''
  return json({ today: today(), clients, chosen: clients.some((c) => c.value === chosen) ? chosen : '' })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db, enrolment } = await requireTraineeEnrolment(request)
  const parsed = await parseForm(request, cycleSchema(today()))
  if (!parsed.ok) return invalid(parsed.failure)
  const input = parsed.data
  let id: number
  try {
    id = await db.transaction().execute((trx) => createCycle(trx, { traineeId: user.id, enrolmentId: enrolment.id, actorId: user.id, input }))
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
  // Saved either way; an implausible day is shown on the cycle's own page, where it can be corrected.
  const warnings = await implausibleEvidenceOn(db, enrolment.id, [input.reviewed_on], 'shared_reviews')
  if (warnings.length > 0) return redirectWithFlash(request, `/trainee/cycles/${id}`, 'Cycle logged. Please check the warning below.')
  return redirectWithFlash(
    request,
    '/trainee',
    input.reviewed_on ? 'Cycle logged. It counts towards your stage.' : 'Cycle saved as in progress. Add the shared review date once it has happened.',
  )
}

export default function NewCycle() {
  const { today, clients, chosen } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const schema = useMemo(() => cycleSchema(today), [today])
  return (
    <FormPage back={{ to: '/trainee', label: 'My progress' }} title="Log a VIG cycle">
      {clients.length === 0 ? (
        <p>
          Add a client with their consent first: <Link to="/trainee/clients/new">add a client</Link>.
        </p>
      ) : (
        <ZodForm schema={schema} defaultValues={{ client_id: chosen, filmed_on: '', reviewed_on: '', clip_count: '3', notes: '' }} failure={failure} submitLabel="Save cycle">
          <CycleFields clients={clients} />
        </ZodForm>
      )}
    </FormPage>
  )
}
