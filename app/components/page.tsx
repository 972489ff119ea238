// The frame of the trainee's form and record pages, and the NHS.UK warning callout they share.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A narrow page (two thirds wide on a desktop) with a back link and its heading. */
export function FormPage({ back, title, children }: { back: { to: string; label: string }; title: ReactNode; children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to={back.to} className="nhsuk-back-link">
          {back.label}
        </Link>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  )
}

export function WarningCallout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-warning-callout">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {title}
        </span>
      </h2>
      {children}
    </div>
  )
}
