// The frame of the trainee's form and record pages.
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
