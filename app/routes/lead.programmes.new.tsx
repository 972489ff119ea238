import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProgrammeForm } from '~/components/programme-form'
import { createProgramme, programmeFormOptions } from '~/models/programme.server'
import { programmeSchema } from '~/schemas/programme'
import { requireRole, type SessionUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction = () => [{ title: 'Create a programme – Attune' }]

function organisationOf(user: SessionUser): number {
  if (user.organisationId === null) {
    throw json({ message: 'Your account belongs to no organisation, so it cannot create programmes. Ask an administrator.' }, { status: 403 })
  }
  return user.organisationId
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  return json({ options: await programmeFormOptions(await getDb(), organisationOf(user)) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const options = await programmeFormOptions(db, organisationOf(user))
  const schema = programmeSchema({ stageNumbers: options.stages.map((s) => s.stage_number), supervisorIds: options.supervisors.map((s) => s.id) })
  const parsed = await parseForm(request, schema)
  if (!parsed.ok) return invalid(parsed.failure)
  try {
    const id = await db.transaction().execute((trx) => createProgramme(trx, user, parsed.data))
    return redirectWithFlash(request, `/lead/programmes/${id}`, `${parsed.data.name} created`)
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function NewProgramme() {
  const { options } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/lead" className="nhsuk-back-link">
          Programmes
        </Link>
        <h1>Create a programme</h1>
        <ProgrammeForm options={options} defaultValues={{ name: '', startedOn: '', fundingEndsOn: '', budget: '', registrationFee: '' }} failure={failure} submitLabel="Create programme" />
      </div>
    </div>
  )
}
