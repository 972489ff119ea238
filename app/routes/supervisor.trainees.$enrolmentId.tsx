import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { Transaction } from 'kysely'
import type { DB } from '../../db/schema'
import { AuditTrail } from '~/components/audit-trail'
import { RadioGroup, TextArea, TextField, ZodForm } from '~/components/form'
import { ReadinessTable } from '~/components/readiness-summary'
import { StageHistory } from '~/components/stage-history'
import { OverrideTag } from '~/components/stage-tags'
import { formatHours } from '~/domain/readiness'
import { stageOf } from '~/domain/rule-set'
import { END_MEETING_LABEL, meetingKindLabel, readinessForSignOff } from '~/domain/stage-end'
import { listAuditForEnrolment } from '~/models/audit.server'
import { findVisibleEnrolment, visibleTo } from '~/models/enrolment.server'
import { loadReadiness } from '~/models/evidence.server'
import { endMeetingPassed, listMeetings, recordMeeting } from '~/models/meeting.server'
import { decideSession, giveReflectionFeedback, listReflectionsToRead, listSessionsToConfirm } from '~/models/review.server'
import { signOffStage, stageHistory } from '~/models/sign-off.server'
import { EndMeetingSchema, IntroductionSchema } from '~/schemas/meeting'
import { ReflectionFeedbackSchema, ReturnSessionSchema } from '~/schemas/review'
import { SignOffSchema } from '~/schemas/sign-off'
import { requireRole } from '~/utils/auth.server'
import { formatDate, formatInstant, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { formDataToValues, invalid, parseValues, refusalAnswer } from '~/utils/forms.server'
import { found, notFound } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'
import { TableScroll } from '~/components/table-scroll'
import { WarningCallout } from '~/components/warning-callout'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.enrolment.trainee_name ?? 'Trainee'} – Attune` }]

const FORMAT: Record<string, string> = { one_to_one: 'One to one', group: 'Group', remote: 'Remote' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const [loaded, stages, sessions, reflections, meetings, audit, meetingPassed] = await Promise.all([
    loadReadiness(db, [enrolment]),
    stageHistory(db, visibleTo(user), enrolment.id),
    listSessionsToConfirm(db, user, enrolment.id),
    listReflectionsToRead(db, user, enrolment.id),
    listMeetings(db, user, enrolment.id),
    listAuditForEnrolment(db, enrolment.id),
    endMeetingPassed(db, enrolment.id, enrolment.current_stage),
  ])
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
    audit,
    today: today(),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const enrolmentId = idParam(params.enrolmentId)
  const db = await getDb()
  const values = formDataToValues(await request.formData())
  const intent = String(values.intent ?? '')
  const [, name, id] = /^([a-z-]+?)(?:-(\d+))?$/.exec(intent) ?? []
  const here = `/supervisor/trainees/${enrolmentId}`
  const act = <T,>(work: (trx: Transaction<DB>) => Promise<T | undefined>) => db.transaction().execute(work).then(found)
  try {
    switch (name) {
      case 'confirm-session': {
        await act((trx) => decideSession(trx, user, { enrolmentId, sessionId: Number(id), decision: 'confirmed' }))
        return redirectWithFlash(request, `${here}#sessions`, 'Supervision session confirmed')
      }
      case 'return-session': {
        const parsed = parseValues(values, ReturnSessionSchema)
        if (!parsed.ok) return invalid(parsed.failure, intent)
        await act((trx) => decideSession(trx, user, { enrolmentId, sessionId: Number(id), decision: 'returned', comment: parsed.data.comment }))
        return redirectWithFlash(request, `${here}#sessions`, 'Session returned: the trainee sees your comment and can correct it')
      }
      case 'feedback': {
        const parsed = parseValues(values, ReflectionFeedbackSchema)
        if (!parsed.ok) return invalid(parsed.failure, intent)
        await act((trx) => giveReflectionFeedback(trx, user, { enrolmentId, reflectionId: Number(id), feedback: parsed.data.feedback }))
        return redirectWithFlash(request, `${here}#reflections`, 'Feedback saved')
      }
      case 'introduction': {
        const parsed = parseValues(values, IntroductionSchema)
        if (!parsed.ok) return invalid(parsed.failure, intent)
        await act((trx) => recordMeeting(trx, user, enrolmentId, { kind: 'introduction', ...parsed.data }))
        return redirectWithFlash(request, `${here}#meetings`, 'Introduction session recorded')
      }
      case 'end-meeting': {
        const parsed = parseValues(values, EndMeetingSchema)
        if (!parsed.ok) return invalid(parsed.failure, intent)
        await act((trx) => recordMeeting(trx, user, enrolmentId, { kind: 'end', ...parsed.data }))
        return redirectWithFlash(request, `${here}#meetings`, 'Meeting recorded')
      }
      case 'sign-off': {
        const parsed = parseValues(values, SignOffSchema)
        if (!parsed.ok) return invalid(parsed.failure, intent)
        const done = await act((trx) => signOffStage(trx, user, { enrolmentId, ...parsed.data }))
        const message = done.completed
          ? `${done.stageName} signed off and complete: ${done.traineeName} moves on`
          : `${done.stageName} signed off${done.override ? ' with a requirement unmet' : ''}: its records are locked and it waits for the external accreditor`
        return redirectWithFlash(request, here, message)
      }
      default:
        throw notFound()
    }
  } catch (error) {
    return refusalAnswer(error, values, intent)
  }
}

export default function SupervisorTrainee() {
  const { enrolment, readiness, signOff, currentStage, stages, sessions, reflections, meetings, audit, today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const open = enrolment.status === 'active' && currentStage.status === 'in_progress' && currentStage.locked === 0
  const confirmError = failure?.intent?.startsWith('confirm-session') ? failure.formError : null
  const stageMeetings = meetings.filter((m) => m.stage_number === enrolment.current_stage)
  return (
    <>
      <Link to="/supervisor" className="nhsuk-back-link">
        My trainees
      </Link>
      <h1>{enrolment.trainee_name}</h1>
      <p className="nhsuk-lede-text">
        {enrolment.status === 'accredited' ? `Accredited on ${formatDate(enrolment.completed_on)}` : `${readiness.stageName} · ${enrolment.programme_name}`}
      </p>

      {enrolment.status === 'accredited' ? null : <ReadinessTable readiness={readiness} caption={`${readiness.stageName}: evidence so far`} />}

      <section id="sign-off" aria-labelledby="sign-off-heading">
        <h2 id="sign-off-heading">Sign-off</h2>
        {currentStage.status === 'signed_off' && !currentStage.completed_on ? (
          <div className="nhsuk-inset-text">
            <p>
              {currentStage.name} was signed off by {currentStage.signed_off_by_name} on {formatInstant(currentStage.signed_off_at)}. Its records are locked while it waits for
              the external accreditor.
            </p>
            <OverrideTag reason={currentStage.override_reason} />
          </div>
        ) : null}
        {enrolment.status === 'accredited' ? <p>Every stage is complete.</p> : null}
        {open ? (
          <SignOffForm stageNumber={enrolment.current_stage} stageName={currentStage.name} signOff={signOff} failure={failure} today={today} />
        ) : null}
      </section>

      <section id="sessions" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Supervision sessions to confirm</h2>
        {confirmError ? (
          <div className="nhsuk-error-summary" role="alert" aria-labelledby="confirm-error">
            <h3 className="nhsuk-error-summary__title" id="confirm-error">
              There is a problem
            </h3>
            <div className="nhsuk-error-summary__body">
              <p>{confirmError}</p>
            </div>
          </div>
        ) : null}
        {sessions.length === 0 ? <p>None waiting.</p> : null}
        {sessions.map((s) => (
          <div className="nhsuk-card" key={s.id}>
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s">
                {formatDate(s.held_on)}: {formatHours(s.minutes)}, {FORMAT[s.format] ?? s.format}
              </h3>
              {s.notes ? <p className="app-wrap">{s.notes}</p> : null}
              <Form method="post">
                <input type="hidden" name="intent" value={`confirm-session-${s.id}`} />
                <button type="submit" className="nhsuk-button">
                  Confirm<span className="nhsuk-u-visually-hidden"> the session of {formatDate(s.held_on)}</span>
                </button>
              </Form>
              <details className="nhsuk-details" open={failure?.intent === `return-session-${s.id}`}>
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">Return it with a comment</span>
                </summary>
                <div className="nhsuk-details__text">
                  <ZodForm schema={ReturnSessionSchema} intent={`return-session-${s.id}`} defaultValues={{ comment: '' }} failure={failure} submitLabel="Return session">
                    <TextArea name="comment" label="What needs correcting" hint="The trainee sees this and can correct the session." rows={3} />
                  </ZodForm>
                </div>
              </details>
            </div>
          </div>
        ))}
      </section>

      <section id="reflections" aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">Reflections</h2>
        {reflections.length === 0 ? <p>No reflections submitted yet.</p> : null}
        {reflections.map((r) => (
          <div className="nhsuk-card" key={r.id}>
            <div className="nhsuk-card__content">
              <h3 className="nhsuk-card__heading nhsuk-heading-s">
                {r.kind === 'stage_end' ? 'Stage-end written reflection' : 'Reflection on supervision'}, submitted {formatInstant(r.submitted_at)}
                {r.feedback ? null : (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--yellow">To read</strong>
                  </>
                )}
              </h3>
              <p className="app-wrap">{r.body}</p>
              {r.ratings.length ? (
                <ul className="nhsuk-list nhsuk-body-s">
                  {r.ratings.map((rating) => (
                    <li key={rating.name}>
                      {rating.name}: {rating.rating} of 5{rating.comment ? `, ${rating.comment}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {r.feedback ? (
                <p className="nhsuk-body-s">
                  Your feedback{r.feedback_by_name ? ` (${r.feedback_by_name}, ${formatInstant(r.feedback_at)})` : ''}: {r.feedback}
                </p>
              ) : null}
              {stages.find((s) => s.stage_number === r.stage_number)?.locked ? null : (
                <ZodForm schema={ReflectionFeedbackSchema} intent={`feedback-${r.id}`} defaultValues={{ feedback: r.feedback ?? '' }} failure={failure} submitLabel={r.feedback ? 'Update feedback' : 'Give feedback'}>
                  <TextArea name="feedback" label="Feedback for the trainee" rows={3} />
                </ZodForm>
              )}
            </div>
          </div>
        ))}
      </section>

      <section id="meetings" aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings</h2>
        {meetings.length === 0 ? (
          <p>No meetings recorded yet.</p>
        ) : (
          <TableScroll label="Meetings">
            <table className="nhsuk-table">
              <caption className="nhsuk-u-visually-hidden">Meetings recorded</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Meeting</th>
                  <th scope="col">Held</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Notes and actions</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {meetingKindLabel(m.kind)}, {stages.find((s) => s.stage_number === m.stage_number)?.name}
                    </td>
                    <td className="app-nowrap">{formatDate(m.held_on)}</td>
                    <td>{m.outcome === 'passed' ? 'Passed' : m.outcome === 'not_yet' ? 'Not yet passed' : 'Held'}</td>
                    <td className="app-wrap">
                      {m.notes}
                      {m.actions ? (
                        <>
                          <br />
                          <strong>Actions:</strong> {m.actions}
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {open && signOff.requiresIntroduction && !stageMeetings.some((m) => m.kind === 'introduction') ? (
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <h3>Record the {currentStage.name} introduction session</h3>
              <ZodForm schema={IntroductionSchema} intent="introduction" defaultValues={{ heldOn: today, notes: '' }} failure={failure} submitLabel="Record introduction session">
                <TextField name="heldOn" label="Held on" type="date" />
                <TextArea name="notes" label="Notes (optional)" rows={3} />
              </ZodForm>
            </div>
          </div>
        ) : null}
        {open ? (
          <details className="nhsuk-details" open={failure?.intent === 'end-meeting'}>
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Record the {signOff.meetingLabel.toLowerCase()} without signing off (for example, not yet passed)</span>
            </summary>
            <div className="nhsuk-details__text">
              <ZodForm schema={EndMeetingSchema} intent="end-meeting" defaultValues={{ heldOn: today, outcome: '', notes: '', actions: '' }} failure={failure} submitLabel="Record meeting">
                <TextField name="heldOn" label="Held on" type="date" />
                <RadioGroup
                  name="outcome"
                  label="Outcome"
                  options={[
                    { value: 'passed', label: 'Passed' },
                    { value: 'not_yet', label: 'Not yet passed' },
                  ]}
                />
                <TextArea name="notes" label="Notes (optional)" rows={3} />
                <TextArea name="actions" label="Actions before the stage can pass" hint="Needed when the outcome is not yet passed." rows={3} />
              </ZodForm>
            </div>
          </details>
        ) : null}
      </section>

      <h2>Stages</h2>
      <StageHistory stages={stages} />

      <AuditTrail rows={audit} enrolmentId={enrolment.id} />
    </>
  )
}

function SignOffForm({
  stageNumber,
  stageName,
  signOff,
  failure,
  today,
}: {
  stageNumber: number
  stageName: string
  signOff: { readiness: { ready: boolean; missing: string[] }; meetingPassed: boolean; meetingLabel: string; requiresAccreditation: boolean }
  failure: Parameters<typeof ZodForm>[0]['failure']
  today: string
}) {
  const { readiness } = signOff
  return (
    <>
      {readiness.ready ? (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Every requirement holds</strong> {stageName} is ready for sign-off.
        </p>
      ) : (
        <WarningCallout title="Not every requirement holds yet" level={3}>
          <ul>
            {readiness.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>You can still sign off with a written reason (for example, prior learning recognised). It will be marked as such everywhere it shows.</p>
        </WarningCallout>
      )}
      <p>
        {signOff.requiresAccreditation
          ? 'Signing off locks the stage’s records and sends it to the external accreditor.'
          : 'Signing off completes this stage and moves the trainee on.'}
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ZodForm
            schema={SignOffSchema}
            intent="sign-off"
            defaultValues={{ stageNumber: String(stageNumber), meetingHeldOn: signOff.meetingPassed ? '' : today, meetingNotes: '', overrideReason: '' }}
            failure={failure}
            submitLabel={`Sign off ${stageName}`}
          >
            <input type="hidden" name="stageNumber" value={stageNumber} />
            {signOff.meetingPassed ? (
              <p>The {signOff.meetingLabel.toLowerCase()} is recorded as passed.</p>
            ) : (
              <>
                <TextField name="meetingHeldOn" label={`${signOff.meetingLabel}: held on`} type="date" hint="Recorded as passed with this sign-off." />
                <TextArea name="meetingNotes" label="Meeting notes (optional)" rows={3} />
              </>
            )}
            {readiness.ready ? null : <TextArea name="overrideReason" label="Reason for signing off with a requirement unmet" rows={3} />}
          </ZodForm>
        </div>
      </div>
    </>
  )
}
