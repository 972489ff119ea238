// Shared pieces of the trainee's record pages: the read-only notice and a delete that asks first,
// without JavaScript (the question opens in a <details>).
import { Form } from '@remix-run/react'

export function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>Read-only.</strong> {reason}
      </p>
    </div>
  )
}

export function DeleteRecord({ what, warning, error }: { what: string; warning: string; error?: string | null }) {
  return (
    <details className="nhsuk-details" open={Boolean(error)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Delete this {what}</span>
      </summary>
      <div className="nhsuk-details__text">
        {error ? (
          <div className="nhsuk-error-summary" role="alert" aria-labelledby="delete-error-title" tabIndex={-1}>
            <h2 className="nhsuk-error-summary__title" id="delete-error-title">
              The {what} was not deleted
            </h2>
            <div className="nhsuk-error-summary__body">
              <p>{error}</p>
            </div>
          </div>
        ) : null}
        <p>{warning}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="delete" />
          <button type="submit" className="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0">
            Yes, delete this {what}
          </button>
        </Form>
      </div>
    </details>
  )
}
