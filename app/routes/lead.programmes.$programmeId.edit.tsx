import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProgrammeForm, programmeFormValues } from '~/components/programme-form'
import { findLedProgramme, programmeFormOptions, updateProgramme } from '~/models/programme.server'
import { programmeSchema } from '~/schemas/programme'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction = () => [{ title: 'Edit programme – Attune' }]

async function load(request: Request, programmeId: number) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, programmeId))
  const options = await programmeFormOptions(db, programme.organisation_id, programme.id)
  return { user, db, programme, options }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, options } = await load(request, idParam(params.programmeId))
  return json({ programme, options })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, programme, options } = await load(request, idParam(params.programmeId))
  const schema = programmeSchema({ stageNumbers: options.stages.map((s) => s.stage_number), supervisorIds: options.supervisors.map((s) => s.id) })
  const parsed = await parseForm(request, schema)
  if (!parsed.ok) return invalid(parsed.failure)
  try {
    found(await db.transaction().execute((trx) => updateProgramme(trx, user, programme.id, parsed.data)))
    return redirectWithFlash(request, `/lead/programmes/${programme.id}`, 'Programme saved')
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function EditProgramme() {
  const { programme, options } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/lead/programmes/${programme.id}`} className="nhsuk-back-link">
          {programme.name}
        </Link>
        <h1>Edit programme</h1>
        <p>Organisation: {programme.organisation_name}</p>
        <ProgrammeForm options={options} defaultValues={programmeFormValues(programme)} failure={failure} submitLabel="Save programme" />
      </div>
    </div>
  )
}
