import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextArea, TextField, ZodForm } from '~/components/form'
import { EvidencePack } from '~/components/evidence-pack'
import { StageHistory } from '~/components/stage-history'
import { accreditStage, findAccreditationCase, returnStage } from '~/models/sign-off.server'
import { ACCREDIT, AccreditSchema, RETURN_STAGE, ReturnStageSchema } from '~/schemas/sign-off'
import { requireRole } from '~/utils/auth.server'
import { formatDate, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.enrolment.trainee_name ?? 'Trainee'}: accreditation – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'accreditor', 'supervisor')
  const accreditationCase = found(await findAccreditationCase(await getDb(), user, idParam(params.enrolmentId)))
  return json({ ...accreditationCase, today: today() })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'accreditor', 'supervisor')
  const enrolmentId = idParam(params.enrolmentId)
  const db = await getDb()
  const values = await readFormValues(request)
  const intent = intentOf(values, [ACCREDIT, RETURN_STAGE])
  const form = { request, db, user, enrolmentId, values }
  try {
    switch (intent) {
      case ACCREDIT:
        return await accredit(form)
      case RETURN_STAGE:
        return await returnToTrainee(form)
    }
  } catch (error) {
    return refusalAnswer(error, values, intent)
  }
}

type AccreditationForm = PostedForm & { enrolmentId: number }

async function accredit({ request, db, user, enrolmentId, values }: AccreditationForm) {
  const parsed = parseValues(values, AccreditSchema)
  if (!parsed.ok) return invalid(parsed.failure, ACCREDIT)
  const done = found(await db.transaction().execute((trx) => accreditStage(trx, user, { enrolmentId, ...parsed.data })))
  const next = done.after.kind === 'award' ? `is now an ${done.after.title}` : 'moves on to the next stage'
  return redirectWithFlash(request, '/accreditor', `${done.stageName} accredited: ${done.traineeName} ${next}`)
}

async function returnToTrainee({ request, db, user, enrolmentId, values }: AccreditationForm) {
  const parsed = parseValues(values, ReturnStageSchema)
  if (!parsed.ok) return invalid(parsed.failure, RETURN_STAGE)
  const done = found(await db.transaction().execute((trx) => returnStage(trx, user, { enrolmentId, ...parsed.data })))
  return redirectWithFlash(request, '/accreditor', `${done.stageName} returned to ${done.traineeName} and their supervisor with your reasons`)
}

export default function AccreditationCase() {
  const { enrolment, stages, waiting, pack, today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <>
      <Link to="/accreditor" className="nhsuk-back-link">
        Stages to accredit
      </Link>
      <h1>{enrolment.trainee_name}</h1>
      <p className="nhsuk-lede-text">
        {enrolment.programme_name} · supervised by {enrolment.supervisor_name ?? 'no one yet'}
      </p>
      {waiting ? (
        <>
          <h2>{waiting.name}: waiting for your decision</h2>
          {pack ? <EvidencePack stage={pack} enrolmentId={enrolment.id} /> : null}
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h3>Accredit</h3>
              <p>Accrediting completes {waiting.name}, keeps its records locked, moves the trainee on and issues the certificate.</p>
              <ZodForm
                schema={AccreditSchema}
                intent={ACCREDIT}
                defaultValues={{ stageNumber: String(waiting.stage_number), accreditedOn: today }}
                failure={failure}
                submitLabel={`Accredit ${waiting.name}`}
              >
                <input type="hidden" name="stageNumber" value={waiting.stage_number} />
                <TextField name="accreditedOn" label="Date of accreditation" type="date" />
              </ZodForm>
              <h3>Or return it</h3>
              <ZodForm
                schema={ReturnStageSchema}
                intent={RETURN_STAGE}
                defaultValues={{ stageNumber: String(waiting.stage_number), reasons: '' }}
                failure={failure}
                submitLabel={`Return ${waiting.name}`}
              >
                <input type="hidden" name="stageNumber" value={waiting.stage_number} />
                <TextArea name="reasons" label="Reasons" hint="The trainee and their supervisor see these. The stage reopens for them to act on." rows={4} />
              </ZodForm>
            </div>
          </div>
        </>
      ) : (
        <>
          <p>{enrolment.status === 'accredited' ? `Accredited on ${formatDate(enrolment.completed_on)}.` : 'No stage is waiting for accreditation.'}</p>
          {pack ? (
            <>
              <h2>{pack.name}: the evidence so far</h2>
              <EvidencePack stage={pack} enrolmentId={enrolment.id} />
            </>
          ) : null}
        </>
      )}
      <h2>Stages</h2>
      <StageHistory stages={stages} />
    </>
  )
}
