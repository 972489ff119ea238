import type { ReactNode } from 'react'

/** One row of an NHS.UK summary list (<dl className="nhsuk-summary-list">). */
export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  )
}
