// Shared pieces of the trainee's record pages: the read-only notice and a delete that asks first,
// without JavaScript (the question opens in a <details>).
import { Form } from '@remix-run/react'
import { DELETE_RECORD } from '~/schemas/record'
import { ErrorSummary } from './error-summary'

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
          <ErrorSummary id="delete-error-title" title={`The ${what} was not deleted`}>
            <p>{error}</p>
          </ErrorSummary>
        ) : null}
        <p>{warning}</p>
        <Form method="post">
          <input type="hidden" name="intent" value={DELETE_RECORD} />
          <button type="submit" className="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0">
            Yes, delete this {what}
          </button>
        </Form>
      </div>
    </details>
  )
}
