// Every supervision session of the trainee (as filtered), pending ones first: tick several and confirm
// them with one button (issue 12), or return one at a time with a comment the trainee sees. The
// tick boxes belong to the "Confirm selected" form through their `form` attribute, so each row can
// also hold its own return form, and everything works without JavaScript.
import { Form } from '@remix-run/react'
import { ErrorSummary } from '~/components/error-summary'
import { TextArea, ZodForm, type ServerFailure } from '~/components/form'
import { ImplausibleEvidenceWarning } from '~/components/implausible-evidence'
import { Tag, type TagColour } from '~/components/status-tag'
import { TableScroll } from '~/components/table-scroll'
import type { ImplausibleEvidence } from '~/domain/plausibility'
import { formatHours } from '~/domain/readiness'
import type { listSupervisedSessions } from '~/models/trainee-records.server'
import { CONFIRM_SESSIONS, RETURN_SESSION, ReturnSessionSchema } from '~/schemas/review'
import { formatLabel } from '~/schemas/supervision-session'
import { formatDate, formatInstant } from '~/utils/dates'

type Session = Awaited<ReturnType<typeof listSupervisedSessions>>[number]

const STATUS_TAG: Record<Session['status'], { label: string; colour: TagColour }> = {
  pending: { label: 'To confirm', colour: 'yellow' },
  confirmed: { label: 'Confirmed', colour: 'green' },
  returned: { label: 'Returned', colour: 'orange' },
}

/**
 * The supervision section; `lockedStages` are stage numbers whose sessions cannot be decided now;
 * `warnings`: implausible evidence on the sessions' days (app/domain/plausibility.ts), shown beside
 * each session still to confirm on that day.
 */
export function SupervisionSection({
  sessions,
  warnings,
  lockedStages,
  filtered,
  failure,
}: {
  sessions: Session[]
  warnings: ImplausibleEvidence[]
  lockedStages: number[]
  filtered: boolean
  failure: ServerFailure | null | undefined
}) {
  const decidable = sessions.filter((s) => s.status === 'pending' && !lockedStages.includes(s.stage_number))
  const confirmError = failure?.intent === CONFIRM_SESSIONS ? (failure.formError ?? Object.values(failure.fieldErrors ?? {})[0]) : null
  return (
    <section id="supervision" aria-labelledby="supervision-heading">
      <h2 id="supervision-heading">Supervision</h2>
      {confirmError ? (
        <ErrorSummary id="confirm-error" level={3} title="There is a problem">
          <p>{confirmError}</p>
        </ErrorSummary>
      ) : null}
      {sessions.length === 0 ? (
        <p>{filtered ? 'No supervision sessions match.' : 'No supervision sessions logged yet.'}</p>
      ) : (
        <>
          {decidable.length ? (
            <p>Tick the sessions that took place as logged and confirm them together. Return a session on its own, with a comment, when something needs correcting.</p>
          ) : null}
          <TableScroll label="Supervision sessions">
            <table className="nhsuk-table">
              <caption className="nhsuk-u-visually-hidden">Supervision sessions, those to confirm first</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">{decidable.length ? 'Select' : <span className="nhsuk-u-visually-hidden">Select</span>}</th>
                  <th scope="col">Held</th>
                  <th scope="col">Length</th>
                  <th scope="col">Status</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {decidable.includes(s) ? (
                        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                          <div className="nhsuk-checkboxes__item">
                            <input className="nhsuk-checkboxes__input" id={`session-${s.id}`} type="checkbox" name="sessionIds" value={s.id} form="confirm-sessions" />
                            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`session-${s.id}`}>
                              <span className="nhsuk-u-visually-hidden">
                                Session of {formatDate(s.held_on)}, {formatHours(s.minutes)}
                              </span>
                            </label>
                          </div>
                        </div>
                      ) : null}
                    </td>
                    <td className="app-nowrap">{formatDate(s.held_on)}</td>
                    <td className="app-nowrap">
                      {formatHours(s.minutes)}, {formatLabel(s.format)}
                      {s.kind === 'training' ? ', training in place of supervision' : ''}
                    </td>
                    <td>
                      <Tag colour={STATUS_TAG[s.status].colour}>{STATUS_TAG[s.status].label}</Tag>
                      {s.decided_by_name && s.decided_at ? (
                        <span className="nhsuk-body-s">
                          {' '}
                          by {s.decided_by_name}, {formatInstant(s.decided_at)}
                        </span>
                      ) : null}
                    </td>
                    <td className="app-wrap">
                      {s.notes}
                      {s.return_comment ? <p className="nhsuk-body-s">Returned: {s.return_comment}</p> : null}
                      {decidable.includes(s) ? (
                        <>
                          <ImplausibleEvidenceWarning
                            level={3}
                            warnings={warnings.filter((w) => w.date === s.held_on)}
                            advice="You can still confirm it if it is right, or return it with a comment asking the trainee to correct it."
                          />
                          <ReturnSession session={s} failure={failure} />
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {decidable.length ? (
            <Form method="post" id="confirm-sessions">
              <input type="hidden" name="intent" value={CONFIRM_SESSIONS} />
              <button type="submit" className="nhsuk-button">
                Confirm selected sessions
              </button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  )
}

function ReturnSession({ session, failure }: { session: Session; failure: ServerFailure | null | undefined }) {
  return (
    <details className="nhsuk-details" open={failure?.intent === RETURN_SESSION && failure.values?.sessionId === String(session.id)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Return it with a comment<span className="nhsuk-u-visually-hidden"> (the session of {formatDate(session.held_on)})</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ZodForm schema={ReturnSessionSchema} intent={RETURN_SESSION} record={{ sessionId: session.id }} defaultValues={{ comment: '' }} failure={failure} submitLabel="Return session">
          <TextArea name="comment" label="What needs correcting" hint="The trainee sees this and can correct the session." rows={3} />
        </ZodForm>
      </div>
    </details>
  )
}
