import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { useMemo } from 'react'
import { ClientFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { createClient } from '~/models/client.server'
import { blankClient, clientSchema } from '~/schemas/client'
import { today } from '~/utils/dates'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Add a client – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTrainee(request)
  return json({ today: today() })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const parsed = await parseForm(request, clientSchema(today()))
  if (!parsed.ok) return invalid(parsed.failure)
  const input = parsed.data
  try {
    const id = await db.transaction().execute((trx) => createClient(trx, { traineeId: user.id, enrolmentId: enrolment?.id ?? null, actorId: user.id, input }))
    return redirectWithFlash(request, `/trainee/clients/${id}`, `Client ${input.code} added.`)
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function NewClient() {
  const { today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const schema = useMemo(() => clientSchema(today), [today])
  return (
    <FormPage back={{ to: '/trainee/clients', label: 'My clients' }} title="Add a client">
      <ZodForm schema={schema} defaultValues={blankClient} failure={failure} submitLabel="Add client">
        <ClientFields withEndOfWork={false} />
      </ZodForm>
    </FormPage>
  )
}
