import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DecisionSummary } from '~/components/decision-summary'
import { TextArea, TextField, ZodForm, type ServerFailure } from '~/components/form'
import { EvidencePack } from '~/components/evidence-pack'
import { StageHistory } from '~/components/stage-history'
import { decisionSummary } from '~/domain/decision-summary'
import { listVisibleCertificates } from '~/models/certificate.server'
import { accreditStage, checkStageDecision, findAccreditationCase, returnStage } from '~/models/sign-off.server'
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
  const db = await getDb()
  const accreditationCase = found(await findAccreditationCase(db, user, idParam(params.enrolmentId)))
  const certificates = await listVisibleCertificates(db, user, { enrolmentId: accreditationCase.enrolment.id })
  return json({
    ...accreditationCase,
    summary: accreditationCase.waiting ? decisionSummary(accreditationCase.waiting.readiness) : null,
    certificates: certificates.map((c) => ({ number: c.number, level: c.level, accredited_on: c.accredited_on, revoked_at: c.revoked_at })),
    today: today(),
  })
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

// Each decision takes two steps (issue 12): the first post checks and shows the summary, nothing
// written; the second, with `confirmed`, decides.
async function accredit({ request, db, user, enrolmentId, values }: AccreditationForm) {
  const parsed = parseValues(values, AccreditSchema)
  if (!parsed.ok) return invalid(parsed.failure, ACCREDIT)
  const { confirmed, ...input } = parsed.data
  if (!confirmed) {
    found(await db.transaction().execute((trx) => checkStageDecision(trx, user, { enrolmentId, ...input })))
    return json({ intent: ACCREDIT, confirming: true, values })
  }
  const done = found(await db.transaction().execute((trx) => accreditStage(trx, user, { enrolmentId, ...input })))
  const next = done.after.kind === 'award' ? `is now an ${done.after.title}` : 'moves on to the next stage'
  // Back to this trainee's page, where the new certificate is linked.
  return redirectWithFlash(request, `/accreditor/enrolments/${enrolmentId}`, `${done.stageName} accredited: ${done.traineeName} ${next}`)
}

async function returnToTrainee({ request, db, user, enrolmentId, values }: AccreditationForm) {
  const parsed = parseValues(values, ReturnStageSchema)
  if (!parsed.ok) return invalid(parsed.failure, RETURN_STAGE)
  const { confirmed, ...input } = parsed.data
  if (!confirmed) {
    found(await db.transaction().execute((trx) => checkStageDecision(trx, user, { enrolmentId, stageNumber: input.stageNumber })))
    return json({ intent: RETURN_STAGE, confirming: true, values })
  }
  const done = found(await db.transaction().execute((trx) => returnStage(trx, user, { enrolmentId, ...input })))
  return redirectWithFlash(request, '/accreditor', `${done.stageName} returned to ${done.traineeName} and their supervisor with your reasons`)
}

type DecisionAnswer = (ServerFailure & { confirming?: boolean }) | null | undefined

/** The decision the accreditor is confirming (after its first step, or when the confirmation was refused), or null. */
function confirming(answer: DecisionAnswer): typeof ACCREDIT | typeof RETURN_STAGE | null {
  if (answer?.intent !== ACCREDIT && answer?.intent !== RETURN_STAGE) return null
  return answer.confirming === true || answer.values?.confirmed === 'true' ? answer.intent : null
}

export default function AccreditationCase() {
  const { enrolment, stages, waiting, pack, summary, certificates, today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>() as DecisionAnswer
  const deciding = confirming(failure)
  const sent = (name: string) => (typeof failure?.values?.[name] === 'string' ? (failure.values[name] as string) : '')
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
          <section id="decision" aria-labelledby="decision-heading">
            <h2 id="decision-heading">Your decision on {waiting.name}</h2>
            <div className="nhsuk-grid-row">
              <div className="nhsuk-grid-column-two-thirds">
                {deciding && summary ? (
                  <DecisionSummary
                    summary={summary}
                    title={deciding === ACCREDIT ? `Check before you accredit ${waiting.name}` : `Check before you return ${waiting.name} to ${enrolment.trainee_name}`}
                  >
                    {deciding === ACCREDIT ? (
                      <>
                        <p>
                          Accrediting on {formatDate(sent('accreditedOn'))} completes {waiting.name}, keeps its records locked, moves the trainee on and issues the certificate.
                        </p>
                        <ZodForm
                          schema={AccreditSchema}
                          intent={ACCREDIT}
                          defaultValues={{ stageNumber: sent('stageNumber'), accreditedOn: sent('accreditedOn'), confirmed: 'true' }}
                          failure={failure?.confirming ? null : failure}
                          submitLabel={`Confirm accreditation of ${waiting.name}`}
                          secondary={<CancelLink />}
                        >
                          <input type="hidden" name="stageNumber" value={sent('stageNumber')} />
                          <input type="hidden" name="accreditedOn" value={sent('accreditedOn')} />
                          <input type="hidden" name="confirmed" value="true" />
                        </ZodForm>
                      </>
                    ) : (
                      <>
                        <h4>Your reasons</h4>
                        <p className="app-wrap">{sent('reasons')}</p>
                        <p>Returning reopens {waiting.name} for the trainee and their supervisor to act on your reasons; the sign-off is set aside.</p>
                        <ZodForm
                          schema={ReturnStageSchema}
                          intent={RETURN_STAGE}
                          defaultValues={{ stageNumber: sent('stageNumber'), reasons: sent('reasons'), confirmed: 'true' }}
                          failure={failure?.confirming ? null : failure}
                          submitLabel={`Confirm return of ${waiting.name}`}
                          secondaryButton
                          secondary={<CancelLink />}
                        >
                          <input type="hidden" name="stageNumber" value={sent('stageNumber')} />
                          <input type="hidden" name="reasons" value={sent('reasons')} />
                          <input type="hidden" name="confirmed" value="true" />
                        </ZodForm>
                      </>
                    )}
                  </DecisionSummary>
                ) : (
                  <>
                    <h3>Accredit</h3>
                    <p>Accrediting completes {waiting.name}, keeps its records locked, moves the trainee on and issues the certificate. You check a summary before anything is decided.</p>
                    <ZodForm
                      schema={AccreditSchema}
                      intent={ACCREDIT}
                      defaultValues={{ stageNumber: String(waiting.stage_number), accreditedOn: today }}
                      failure={failure}
                      submitLabel={`Accredit ${waiting.name}`}
                      busyLabel="Checking…"
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
                      busyLabel="Checking…"
                      secondaryButton
                    >
                      <input type="hidden" name="stageNumber" value={waiting.stage_number} />
                      <TextArea name="reasons" label="Reasons" hint="The trainee and their supervisor see these. The stage reopens for them to act on." rows={4} />
                    </ZodForm>
                  </>
                )}
              </div>
            </div>
          </section>
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
      {certificates.length ? (
        <section id="certificates" aria-labelledby="certificates-heading">
          <h2 id="certificates-heading">Certificates</h2>
          <ul className="nhsuk-list">
            {certificates.map((c) => (
              <li key={c.number}>
                <Link to={`/certificates/${c.number}`}>
                  Certificate {c.number}: {c.level}, accredited {formatDate(c.accredited_on)}
                </Link>
                {c.revoked_at ? ' (revoked)' : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Stages</h2>
      <StageHistory stages={stages} />
    </>
  )
}

function CancelLink() {
  return (
    <Link to="?" className="nhsuk-button nhsuk-button--secondary">
      Cancel
    </Link>
  )
}
