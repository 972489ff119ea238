// A supervisor's page for one trainee: readiness, sign-off, sessions to confirm, reflections to
// read, meetings, stages and the audit trail. Each form posts one intent; the action calls one
// function per intent, each writing in one transaction (a Refusal rolls it back).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuditTrail } from '~/components/audit-trail'
import { ScoresTable } from '~/components/evaluation'
import { ReadinessTable } from '~/components/readiness-summary'
import { StageHistory } from '~/components/stage-history'
import { MeetingsSection } from '~/components/supervisor-trainee/meetings-section'
import { ReflectionsToRead } from '~/components/supervisor-trainee/reflections-to-read'
import { SessionsToConfirm } from '~/components/supervisor-trainee/sessions-to-confirm'
import { SignOffSection } from '~/components/supervisor-trainee/sign-off-section'
import { stageOf } from '~/domain/rule-set'
import { END_MEETING_LABEL, readinessForSignOff } from '~/domain/stage-end'
import { loadAuditTrail } from '~/models/audit.server'
import { auditFilterOf } from '~/schemas/audit'
import { findVisibleEnrolment } from '~/models/enrolment.server'
import { listTraineeScores } from '~/models/evaluation.server'
import { loadReadiness } from '~/models/evidence.server'
import { endMeetingPassed, listMeetings, recordMeeting } from '~/models/meeting.server'
import { decideSession, giveReflectionFeedback, listReflectionsToRead, listSessionsToConfirm } from '~/models/review.server'
import { signOffStage, stageHistory } from '~/models/sign-off.server'
import { EndMeetingSchema, IntroductionSchema, RECORD_END_MEETING, RECORD_INTRODUCTION } from '~/schemas/meeting'
import { CONFIRM_SESSION, ConfirmSessionSchema, GIVE_FEEDBACK, ReflectionFeedbackSchema, RETURN_SESSION, ReturnSessionSchema } from '~/schemas/review'
import { SIGN_OFF, SignOffSchema } from '~/schemas/sign-off'
import { requireRole } from '~/utils/auth.server'
import { formatDate, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { badRequest, intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'
import { enrolmentScope } from '~/models/access.server'
import type { Db } from '~/models/db-types'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.enrolment.trainee_name ?? 'Trainee'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const [loaded, stages, sessions, reflections, meetings, audit, meetingPassed] = await Promise.all([
    loadReadiness(db, [enrolment]),
    stageHistory(db, enrolmentScope(user), enrolment.id),
    listSessionsToConfirm(db, user, enrolment.id),
    listReflectionsToRead(db, user, enrolment.id),
    listMeetings(db, user, enrolment.id),
    loadAuditTrail(db, user, enrolment.id, auditFilterOf(request)),
    endMeetingPassed(db, enrolment.id, enrolment.current_stage),
  ])
  const scores = await listTraineeScores(db, user, enrolment.trainee_id)
  const { ruleSet, evidence, readiness } = loaded.get(enrolment.id)!
  const stage = stageOf(ruleSet, enrolment.current_stage)
  return json({
    enrolment,
    readiness,
    signOff: {
      readiness: readinessForSignOff(ruleSet, stage.stageNumber, evidence),
      meetingPassed,
      meetingLabel: END_MEETING_LABEL[stage.endMeeting],
      requiresIntroduction: stage.requiresIntroductionSession,
      requiresAccreditation: stage.requiresExternalAccreditation,
    },
    currentStage: stages.find((s) => s.stage_number === enrolment.current_stage)!,
    stages,
    sessions,
    reflections,
    meetings,
    audit: found(audit),
    scores,
    today: today(),
  })
}

const INTENTS = [CONFIRM_SESSION, RETURN_SESSION, GIVE_FEEDBACK, RECORD_INTRODUCTION, RECORD_END_MEETING, SIGN_OFF] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const enrolmentId = idParam(params.enrolmentId)
  const values = await readFormValues(request)
  const intent = intentOf(values, INTENTS)
  const form: SupervisorForm = { request, db: await getDb(), user, enrolmentId, values }
  try {
    switch (intent) {
      case CONFIRM_SESSION:
        return await confirmSession(form)
      case RETURN_SESSION:
        return await returnSession(form)
      case GIVE_FEEDBACK:
        return await giveFeedback(form)
      case RECORD_INTRODUCTION:
        return await recordIntroduction(form)
      case RECORD_END_MEETING:
        return await recordEndMeeting(form)
      case SIGN_OFF:
        return await signOff(form)
    }
  } catch (error) {
    return refusalAnswer(error, values, intent)
  }
}

type SupervisorForm = PostedForm & { enrolmentId: number }

const pageOf = (enrolmentId: number) => `/supervisor/trainees/${enrolmentId}`

/** Runs one write in a transaction; nothing found (not the supervisor's trainee or record) is a 404. */
function inTransaction<T>({ db }: SupervisorForm, work: (trx: Db) => Promise<T | undefined>): Promise<T> {
  return db.transaction().execute(work).then(found)
}

async function confirmSession(form: SupervisorForm) {
  const parsed = parseValues(form.values, ConfirmSessionSchema)
  if (!parsed.ok) throw badRequest()
  await inTransaction(form, (trx) => decideSession(trx, form.user, { enrolmentId: form.enrolmentId, sessionId: parsed.data.sessionId, decision: 'confirmed' }))
  return redirectWithFlash(form.request, `${pageOf(form.enrolmentId)}#sessions`, 'Supervision session confirmed')
}

async function returnSession(form: SupervisorForm) {
  const parsed = parseValues(form.values, ReturnSessionSchema)
  if (!parsed.ok) return invalid(parsed.failure, RETURN_SESSION)
  const { sessionId, comment } = parsed.data
  await inTransaction(form, (trx) => decideSession(trx, form.user, { enrolmentId: form.enrolmentId, sessionId, decision: 'returned', comment }))
  return redirectWithFlash(form.request, `${pageOf(form.enrolmentId)}#sessions`, 'Session returned: the trainee sees your comment and can correct it')
}

async function giveFeedback(form: SupervisorForm) {
  const parsed = parseValues(form.values, ReflectionFeedbackSchema)
  if (!parsed.ok) return invalid(parsed.failure, GIVE_FEEDBACK)
  await inTransaction(form, (trx) => giveReflectionFeedback(trx, form.user, { enrolmentId: form.enrolmentId, ...parsed.data }))
  return redirectWithFlash(form.request, `${pageOf(form.enrolmentId)}#reflections`, 'Feedback saved')
}

async function recordIntroduction(form: SupervisorForm) {
  const parsed = parseValues(form.values, IntroductionSchema)
  if (!parsed.ok) return invalid(parsed.failure, RECORD_INTRODUCTION)
  await inTransaction(form, (trx) => recordMeeting(trx, form.user, form.enrolmentId, { kind: 'introduction', ...parsed.data }))
  return redirectWithFlash(form.request, `${pageOf(form.enrolmentId)}#meetings`, 'Introduction session recorded')
}

async function recordEndMeeting(form: SupervisorForm) {
  const parsed = parseValues(form.values, EndMeetingSchema)
  if (!parsed.ok) return invalid(parsed.failure, RECORD_END_MEETING)
  await inTransaction(form, (trx) => recordMeeting(trx, form.user, form.enrolmentId, { kind: 'end', ...parsed.data }))
  return redirectWithFlash(form.request, `${pageOf(form.enrolmentId)}#meetings`, 'Meeting recorded')
}

async function signOff(form: SupervisorForm) {
  const parsed = parseValues(form.values, SignOffSchema)
  if (!parsed.ok) return invalid(parsed.failure, SIGN_OFF)
  const done = await inTransaction(form, (trx) => signOffStage(trx, form.user, { enrolmentId: form.enrolmentId, ...parsed.data }))
  const message = done.completed
    ? `${done.stageName} signed off and complete: ${done.traineeName} moves on`
    : `${done.stageName} signed off${done.override ? ' with a requirement unmet' : ''}: its records are locked and it waits for the external accreditor`
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), message)
}

export default function SupervisorTrainee() {
  const { enrolment, readiness, signOff, currentStage, stages, sessions, reflections, meetings, audit, scores, today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const accredited = enrolment.status === 'accredited'
  const open = enrolment.status === 'active' && currentStage.status === 'in_progress' && currentStage.locked === 0
  const introductionRecorded = meetings.some((m) => m.stage_number === enrolment.current_stage && m.kind === 'introduction')
  return (
    <>
      <Link to="/supervisor" className="nhsuk-back-link">
        My trainees
      </Link>
      <h1>{enrolment.trainee_name}</h1>
      <p className="nhsuk-lede-text">{accredited ? `Accredited on ${formatDate(enrolment.completed_on)}` : `${readiness.stageName} · ${enrolment.programme_name}`}</p>

      {accredited ? null : <ReadinessTable readiness={readiness} caption={`${readiness.stageName}: evidence so far`} />}

      <SignOffSection stageNumber={enrolment.current_stage} currentStage={currentStage} accredited={accredited} open={open} signOff={signOff} failure={failure} today={today} />
      <SessionsToConfirm sessions={sessions} failure={failure} />
      <ReflectionsToRead reflections={reflections} lockedStages={stages.filter((s) => s.locked).map((s) => s.stage_number)} failure={failure} />
      <section id="scores" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Families’ outcome scores</h2>
        <ScoresTable scores={scores} caption={`Outcome scores of ${enrolment.trainee_name}’s clients`} />
      </section>
      <MeetingsSection
        meetings={meetings}
        stageNames={Object.fromEntries(stages.map((s) => [s.stage_number, s.name]))}
        stageName={currentStage.name}
        meetingLabel={signOff.meetingLabel}
        askIntroduction={signOff.requiresIntroduction && !introductionRecorded}
        open={open}
        failure={failure}
        today={today}
      />

      <h2>Stages</h2>
      <StageHistory stages={stages} />

      <AuditTrail trail={audit} />
    </>
  )
}
