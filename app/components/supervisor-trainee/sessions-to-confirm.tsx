// Supervision sessions a trainee logged and the supervisor has not yet decided on: confirm each, or
// return it with a comment the trainee sees.
import { Form } from '@remix-run/react'
import { ErrorSummary } from '~/components/error-summary'
import { TextArea, ZodForm, type ServerFailure } from '~/components/form'
import { ImplausibleEvidenceWarning } from '~/components/implausible-evidence'
import type { ImplausibleEvidence } from '~/domain/plausibility'
import { formatHours } from '~/domain/readiness'
import type { listSessionsToConfirm } from '~/models/review.server'
import { CONFIRM_SESSION, RETURN_SESSION, ReturnSessionSchema } from '~/schemas/review'
import { formatLabel } from '~/schemas/supervision-session'
import { formatDate } from '~/utils/dates'

type Session = Awaited<ReturnType<typeof listSessionsToConfirm>>[number]

/** `warnings`: implausible evidence on the sessions' days (app/domain/plausibility.ts), shown beside each session of that day. */
export function SessionsToConfirm({ sessions, warnings, failure }: { sessions: Session[]; warnings: ImplausibleEvidence[]; failure: ServerFailure | null | undefined }) {
  const confirmError = failure?.intent === CONFIRM_SESSION ? failure.formError : null
  return (
    <section id="sessions" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Supervision sessions to confirm</h2>
      {confirmError ? (
        <ErrorSummary id="confirm-error" level={3} title="There is a problem">
          <p>{confirmError}</p>
        </ErrorSummary>
      ) : null}
      {sessions.length === 0 ? <p>None waiting.</p> : null}
      {sessions.map((s) => (
        <div className="nhsuk-card" key={s.id}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">
              {formatDate(s.held_on)}: {formatHours(s.minutes)}, {formatLabel(s.format)}
              {s.kind === 'training' ? ', training in place of supervision' : ''}
            </h3>
            {s.notes ? <p className="app-wrap">{s.notes}</p> : null}
            <ImplausibleEvidenceWarning
              level={3}
              warnings={warnings.filter((w) => w.date === s.held_on)}
              advice="You can still confirm it if it is right, or return it with a comment asking the trainee to correct it."
            />
            <Form method="post">
              <input type="hidden" name="intent" value={CONFIRM_SESSION} />
              <input type="hidden" name="sessionId" value={s.id} />
              <button type="submit" className="nhsuk-button">
                Confirm<span className="nhsuk-u-visually-hidden"> the session of {formatDate(s.held_on)}</span>
              </button>
            </Form>
            <details className="nhsuk-details" open={failure?.intent === RETURN_SESSION && failure.values?.sessionId === String(s.id)}>
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Return it with a comment</span>
              </summary>
              <div className="nhsuk-details__text">
                <ZodForm schema={ReturnSessionSchema} intent={RETURN_SESSION} record={{ sessionId: s.id }} defaultValues={{ comment: '' }} failure={failure} submitLabel="Return session">
                  <TextArea name="comment" label="What needs correcting" hint="The trainee sees this and can correct the session." rows={3} />
                </ZodForm>
              </div>
            </details>
          </div>
        </div>
      ))}
    </section>
  )
}
