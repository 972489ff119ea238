// The NHS.UK error summary: what went wrong, at the top of a form or section, announced at once.
import type { ReactNode } from 'react'

/** An error summary titled `title` (heading id `id`); the body is a message or a list of links. */
export function ErrorSummary({ id, title, level = 2, children }: { id: string; title: ReactNode; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 3 ? 'h3' : 'h2'
  return (
    <div className="nhsuk-error-summary" aria-labelledby={id} role="alert" tabIndex={-1}>
      <Heading className="nhsuk-error-summary__title" id={id}>
        {title}
      </Heading>
      <div className="nhsuk-error-summary__body">{children}</div>
    </div>
  )
}
