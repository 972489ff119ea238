import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { SelectField, TextArea, TextField, ZodForm } from '~/components/form'
import { enrolTrainee, enrolmentFormOptions } from '~/models/enrolment.server'
import { EnrolSchema } from '~/schemas/enrolment'
import { requireRole } from '~/utils/auth.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { ROLE_LABEL } from '~/utils/roles'
import { redirectWithFlash } from '~/utils/session.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction = () => [{ title: 'Enrol a trainee – Attune' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const options = found(await enrolmentFormOptions(await getDb(), user, idParam(params.programmeId)))
  return json({ options, today: today() })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const programmeId = idParam(params.programmeId)
  const parsed = await parseForm(request, EnrolSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const db = await getDb()
  try {
    const id = found(await db.transaction().execute((trx) => enrolTrainee(trx, user, programmeId, parsed.data)))
    return redirectWithFlash(request, `/lead/enrolments/${id}`, 'Trainee enrolled')
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function Enrol() {
  const { options, today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const stageNames = new Map<number, string>()
  for (const stage of options.stages) if (!stageNames.has(stage.stage_number)) stageNames.set(stage.stage_number, stage.name)
  const defaultRuleSet = options.ruleSets.find((r) => r.status === 'active') ?? options.ruleSets[0]
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={`/lead/programmes/${options.programme.id}`} className="nhsuk-back-link">
          {options.programme.name}
        </Link>
        <h1>Enrol a trainee</h1>
        {options.trainees.length === 0 ? (
          <div className="nhsuk-inset-text">
            <p>
              Everyone with a trainee account is already enrolled. <Link to={`/lead/programmes/${options.programme.id}/people`}>Add a trainee</Link> first.
            </p>
          </div>
        ) : null}
        <ZodForm
          schema={EnrolSchema}
          defaultValues={{
            traineeId: '',
            ruleSetId: defaultRuleSet ? String(defaultRuleSet.id) : '',
            startedOn: today,
            startingStage: '0',
            priorLearningReason: '',
            supervisorId: '',
            accreditorId: '',
          }}
          failure={failure}
          submitLabel="Enrol trainee"
        >
          <SelectField name="traineeId" label="Trainee" placeholder="Choose a trainee" options={options.trainees.map((t) => ({ value: String(t.id), label: t.name }))} />
          <SelectField
            name="ruleSetId"
            label="Rule set"
            hint="The pathway rules this trainee follows. Changing a rule set later never rewrites their past."
            options={options.ruleSets.map((r) => ({ value: String(r.id), label: `${r.name} (version ${r.version}${r.status === 'retired' ? ', retired' : ''})` }))}
          />
          <TextField name="startedOn" label="Start date" type="date" />
          <SelectField
            name="startingStage"
            label="Starting stage"
            hint="A trainee may join part-way: the stages before this one are recorded as recognised prior learning."
            options={[...stageNames].map(([n, name]) => ({ value: String(n), label: name }))}
          />
          <TextArea name="priorLearningReason" label="Why earlier stages are recognised" hint="Needed when the starting stage is not the first." rows={3} />
          <SelectField
            name="supervisorId"
            label="Supervisor"
            hint={
              <>
                Any supervisor of the organisation, including one just added on the People page. How many hours a month each can give is optional: set it on the{' '}
                <Link to={`/lead/programmes/${options.programme.id}/edit`}>programme’s Edit page</Link> for the sustainability plan.
              </>
            }
            placeholder="Choose their supervisor"
            options={options.supervisors.map((s) => ({ value: String(s.id), label: s.capacity_minutes ? s.name : `${s.name} (no monthly capacity set yet)` }))}
          />
          <SelectField
            name="accreditorId"
            label="External accreditor"
            hint="Accredits the end of each stage. Never the trainee’s own supervisor."
            placeholder="Choose their external accreditor"
            options={options.accreditors.map((a) => ({ value: String(a.id), label: `${a.name} (${ROLE_LABEL[a.isAccreditor ? 'accreditor' : 'supervisor'].toLowerCase()})` }))}
          />
        </ZodForm>
      </div>
    </div>
  )
}
