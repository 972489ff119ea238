// A supervisor's page for one trainee, read top-down (issue 12): what needs them now, the stage
// summary, the evidence in sections (cycles, supervision, reflections, meetings) narrowed by a GET
// filter, the stages and audit trail, and the decision at the bottom. Each form posts one intent;
// the action calls one function per intent, each writing in one transaction (a Refusal rolls it
// back). Signing off takes two steps: a summary to check, then the confirmation.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuditTrail } from '~/components/audit-trail'
import { ScoresTable } from '~/components/evaluation'
import { ReadinessTable } from '~/components/readiness-summary'
import { StageHistory } from '~/components/stage-history'
import { CyclesSection } from '~/components/supervisor-trainee/cycles-section'
import { MeetingsSection } from '~/components/supervisor-trainee/meetings-section'
import { NeedsYou } from '~/components/supervisor-trainee/needs-you'
import { RecordsFilter } from '~/components/supervisor-trainee/records-filter'
import { ReflectionsToRead } from '~/components/supervisor-trainee/reflections-to-read'
import { SignOffSection, confirmingSignOff, type SignOffAnswer } from '~/components/supervisor-trainee/sign-off-section'
import { SupervisionSection } from '~/components/supervisor-trainee/supervision-section'
import { decisionSummary } from '~/domain/decision-summary'
import { implausibleOn } from '~/domain/plausibility'
import { stageOf } from '~/domain/rule-set'
import { END_MEETING_LABEL, readinessForSignOff } from '~/domain/stage-end'
import { plural } from '~/domain/wording'
import { enrolmentScope } from '~/models/access.server'
import { loadAuditTrail } from '~/models/audit.server'
import { supervisorCaseload } from '~/models/caseload.server'
import type { Db } from '~/models/db-types'
import { auditFilterOf } from '~/schemas/audit'
import { findVisibleEnrolment } from '~/models/enrolment.server'
import { listTraineeScores } from '~/models/evaluation.server'
import { loadReadiness } from '~/models/evidence.server'
import { endMeetingPassed, listMeetings, recordMeeting } from '~/models/meeting.server'
import { confirmSessions, decideSession, giveReflectionFeedback, listReflectionsToRead, listSessionsToConfirm } from '~/models/review.server'
import { checkSignOff, signOffStage, stageHistory } from '~/models/sign-off.server'
import { listSupervisedCycles, listSupervisedSessions } from '~/models/trainee-records.server'
import { EndMeetingSchema, IntroductionSchema, RECORD_END_MEETING, RECORD_INTRODUCTION } from '~/schemas/meeting'
import { RecordsQuerySchema, recordsFiltered } from '~/schemas/records-filter'
import { CONFIRM_SESSIONS, ConfirmSessionsSchema, GIVE_FEEDBACK, ReflectionFeedbackSchema, RETURN_SESSION, ReturnSessionSchema } from '~/schemas/review'
import { SIGN_OFF, SignOffSchema } from '~/schemas/sign-off'
import { requireRole } from '~/utils/auth.server'
import { formatDate, instantToCalendarDate, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.enrolment.trainee_name ?? 'Trainee'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const query = RecordsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const date = today()
  const [loaded, stages, pending, allReflections, reflections, cycles, sessions, meetings, audit, meetingPassed, caseload] = await Promise.all([
    loadReadiness(db, [enrolment]),
    stageHistory(db, enrolmentScope(user), enrolment.id),
    listSessionsToConfirm(db, user, enrolment.id),
    listReflectionsToRead(db, user, enrolment.id),
    listReflectionsToRead(db, user, enrolment.id, query),
    listSupervisedCycles(db, user, enrolment.id, query),
    listSupervisedSessions(db, user, enrolment.id, query),
    listMeetings(db, user, enrolment.id),
    loadAuditTrail(db, user, enrolment.id, auditFilterOf(request)),
    endMeetingPassed(db, enrolment.id, enrolment.current_stage),
    supervisorCaseload(db, user, date, { enrolmentId: enrolment.id }),
  ])
  const scores = await listTraineeScores(db, user, enrolment.trainee_id)
  const { ruleSet, evidence } = loaded.get(enrolment.id)!
  const stage = stageOf(ruleSet, enrolment.current_stage)
  // Spoken to the supervisor, about the trainee by name.
  const readiness = readinessForSignOff(ruleSet, stage.stageNumber, evidence, { traineeName: enrolment.trainee_name })
  const thisStage = <T extends { stage_number: number }>(rows: T[]) => rows.filter((r) => r.stage_number === stage.stageNumber)
  return json({
    enrolment,
    readiness,
    todos: caseload.todos,
    signOff: {
      summary: decisionSummary(readiness, {
        pendingSessions: thisStage(pending).map((s) => ({ heldOn: s.held_on, minutes: s.minutes })),
        unreadReflections: thisStage(allReflections)
          .filter((r) => !r.feedback)
          .map((r) => ({ kind: r.kind, submittedOn: r.submitted_at ? instantToCalendarDate(r.submitted_at) : date })),
      }),
      meetingPassed,
      meetingLabel: END_MEETING_LABEL[stage.endMeeting],
      requiresIntroduction: stage.requiresIntroductionSession,
      requiresAccreditation: stage.requiresExternalAccreditation,
    },
    currentStage: stages.find((s) => s.stage_number === enrolment.current_stage)!,
    stages,
    query,
    filtered: recordsFiltered(query),
    cycles,
    sessions,
    sessionWarnings: implausibleOn(
      ruleSet.thresholds,
      evidence,
      sessions.map((s) => s.held_on),
    ),
    reflections,
    meetings,
    audit: found(audit),
    scores,
    today: date,
  })
}

const INTENTS = [CONFIRM_SESSIONS, RETURN_SESSION, GIVE_FEEDBACK, RECORD_INTRODUCTION, RECORD_END_MEETING, SIGN_OFF] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const enrolmentId = idParam(params.enrolmentId)
  const values = await readFormValues(request)
  const intent = intentOf(values, INTENTS)
  const form: SupervisorForm = { request, db: await getDb(), user, enrolmentId, values }
  try {
    switch (intent) {
      case CONFIRM_SESSIONS:
        return await confirmSelected(form)
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

// Back to the top of the page, where the flash message shows (role=status): the eye and the screen
// reader find the outcome there, not scrolled out of view.
const pageOf = (enrolmentId: number) => `/supervisor/trainees/${enrolmentId}`

/** Runs one write in a transaction; nothing found (not the supervisor's trainee or record) is a 404. */
function inTransaction<T>({ db }: SupervisorForm, work: (trx: Db) => Promise<T | undefined>): Promise<T> {
  return db.transaction().execute(work).then(found)
}

async function confirmSelected(form: SupervisorForm) {
  const parsed = parseValues(form.values, ConfirmSessionsSchema)
  if (!parsed.ok) return invalid(parsed.failure, CONFIRM_SESSIONS)
  const count = await inTransaction(form, (trx) => confirmSessions(trx, form.user, { enrolmentId: form.enrolmentId, sessionIds: parsed.data.sessionIds }))
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), `${plural(count, 'supervision session')} confirmed`)
}

async function returnSession(form: SupervisorForm) {
  const parsed = parseValues(form.values, ReturnSessionSchema)
  if (!parsed.ok) return invalid(parsed.failure, RETURN_SESSION)
  const { sessionId, comment } = parsed.data
  await inTransaction(form, (trx) => decideSession(trx, form.user, { enrolmentId: form.enrolmentId, sessionId, decision: 'returned', comment }))
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), 'Session returned: the trainee sees your comment and can correct it')
}

async function giveFeedback(form: SupervisorForm) {
  const parsed = parseValues(form.values, ReflectionFeedbackSchema)
  if (!parsed.ok) return invalid(parsed.failure, GIVE_FEEDBACK)
  await inTransaction(form, (trx) => giveReflectionFeedback(trx, form.user, { enrolmentId: form.enrolmentId, ...parsed.data }))
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), 'Feedback saved')
}

async function recordIntroduction(form: SupervisorForm) {
  const parsed = parseValues(form.values, IntroductionSchema)
  if (!parsed.ok) return invalid(parsed.failure, RECORD_INTRODUCTION)
  await inTransaction(form, (trx) => recordMeeting(trx, form.user, form.enrolmentId, { kind: 'introduction', ...parsed.data }))
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), 'Introduction session recorded')
}

async function recordEndMeeting(form: SupervisorForm) {
  const parsed = parseValues(form.values, EndMeetingSchema)
  if (!parsed.ok) return invalid(parsed.failure, RECORD_END_MEETING)
  await inTransaction(form, (trx) => recordMeeting(trx, form.user, form.enrolmentId, { kind: 'end', ...parsed.data }))
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), 'Meeting recorded')
}

/** First post: the checks, nothing written, and the page shows the summary. Second (`confirmed`): the sign-off. */
async function signOff(form: SupervisorForm) {
  const parsed = parseValues(form.values, SignOffSchema)
  if (!parsed.ok) return invalid(parsed.failure, SIGN_OFF)
  const { confirmed, ...input } = parsed.data
  if (!confirmed) {
    await inTransaction(form, (trx) => checkSignOff(trx, form.user, { enrolmentId: form.enrolmentId, ...input }))
    return json({ intent: SIGN_OFF, confirming: true, values: form.values })
  }
  const done = await inTransaction(form, (trx) => signOffStage(trx, form.user, { enrolmentId: form.enrolmentId, ...input }))
  const message = done.completed
    ? `${done.stageName} signed off and complete: ${done.traineeName} moves on`
    : `${done.stageName} signed off${done.override ? ' with a requirement unmet' : ''}: its records are locked and it waits for the external accreditor`
  return redirectWithFlash(form.request, pageOf(form.enrolmentId), message)
}

export default function SupervisorTrainee() {
  const { enrolment, readiness, todos, signOff, currentStage, stages, query, filtered, cycles, sessions, sessionWarnings, reflections, meetings, audit, scores, today } =
    useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as SignOffAnswer
  const accredited = enrolment.status === 'accredited'
  const open = enrolment.status === 'active' && currentStage.status === 'in_progress' && currentStage.locked === 0
  const introductionRecorded = meetings.some((m) => m.stage_number === enrolment.current_stage && m.kind === 'introduction')
  const stageNames = Object.fromEntries(stages.map((s) => [s.stage_number, s.name]))
  const lockedStages = stages.filter((s) => s.locked).map((s) => s.stage_number)
  // Feedback stays possible while a signed-off stage waits for the accreditor (models/stage-rules.server.ts).
  const feedbackClosed = stages.filter((s) => s.locked && !(s.status === 'signed_off' && s.completed_on === null)).map((s) => s.stage_number)
  return (
    <>
      <Link to="/supervisor" className="nhsuk-back-link">
        My trainees
      </Link>
      <h1>{enrolment.trainee_name}</h1>
      <p className="nhsuk-lede-text">{accredited ? `Accredited on ${formatDate(enrolment.completed_on)}` : `${readiness.stageName} · ${enrolment.programme_name}`}</p>
      {confirmingSignOff(answer) ? (
        <p className="nhsuk-inset-text">
          <a href="#decision-summary">Check the summary and confirm the sign-off</a>: nothing is signed off until you confirm.
        </p>
      ) : null}

      <NeedsYou todos={todos} />

      {accredited ? null : (
        <section id="stage" aria-labelledby="stage-heading">
          <h2 id="stage-heading">{readiness.stageName}: where it stands</h2>
          <ReadinessTable readiness={readiness} caption={`${readiness.stageName}: evidence so far`} />
        </section>
      )}

      <h2 id="records-heading">Records</h2>
      <RecordsFilter query={query} />
      {filtered ? (
        <p role="status">
          Showing {plural(cycles.length, 'cycle')}, {plural(sessions.length, 'supervision session')} and {plural(reflections.length, 'reflection')} that match.
        </p>
      ) : null}
      <CyclesSection cycles={cycles} stageNames={stageNames} filtered={filtered} />
      <SupervisionSection sessions={sessions} warnings={sessionWarnings} lockedStages={lockedStages} filtered={filtered} failure={answer} />
      <ReflectionsToRead reflections={reflections} lockedStages={feedbackClosed} filtered={filtered} failure={answer} />
      <MeetingsSection
        meetings={meetings}
        stageNames={stageNames}
        stageName={currentStage.name}
        meetingLabel={signOff.meetingLabel}
        askIntroduction={signOff.requiresIntroduction && !introductionRecorded}
        open={open}
        failure={answer}
        today={today}
      />
      <section id="scores" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Families’ outcome scores</h2>
        <ScoresTable scores={scores} caption={`Outcome scores of ${enrolment.trainee_name}’s clients`} />
      </section>

      <h2>Stages</h2>
      <StageHistory stages={stages} />
      <AuditTrail trail={audit} />

      <SignOffSection stageNumber={enrolment.current_stage} currentStage={currentStage} accredited={accredited} open={open} signOff={signOff} answer={answer} today={today} />
    </>
  )
}
