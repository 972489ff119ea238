// The summary a person checks before confirming a stage decision (sign-off, accreditation, return):
// each requirement met or not, the sessions waiting for confirmation and the reflections not yet
// read, then the confirmation form given as children. One component for every decision (issue 12);
// what it lists comes from domain/decision-summary.ts.
import { useEffect, useRef, type ReactNode } from 'react'
import type { DecisionSummary as Summary } from '~/domain/decision-summary'
import { SummaryList } from './summary-list'

/**
 * The summary titled `title` (an h3 under the decision's h2), focused when it appears so that a
 * keyboard or screen-reader user lands on it after the first step; `children` is the confirmation.
 */
export function DecisionSummary({ summary, title, children }: { summary: Summary; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <div className="nhsuk-card app-decision-summary" id="decision-summary">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" tabIndex={-1} ref={heading}>
          {title}
        </h3>
        <p>
          {summary.unmet === 0 ? (
            <strong className="nhsuk-tag nhsuk-tag--green">Every requirement met</strong>
          ) : (
            <strong className="nhsuk-tag nhsuk-tag--red">{summary.unmet === 1 ? '1 requirement not met' : `${summary.unmet} requirements not met`}</strong>
          )}
        </p>
        <SummaryList
          rows={summary.requirements.map((r) => [
            r.label,
            <>
              {r.met ? <span className="nhsuk-u-visually-hidden">Met: </span> : null}
              {r.detail}
            </>,
          ])}
        />
        <h4>Supervision sessions waiting for confirmation</h4>
        <Items items={summary.pendingSessions} none="None: every session is decided." />
        <h4>Reflections not yet read</h4>
        <Items items={summary.unreadReflections} none="None: every reflection has feedback." />
        {children}
      </div>
    </div>
  )
}

function Items({ items, none }: { items: string[]; none: string }) {
  if (items.length === 0) return <p>{none}</p>
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  )
}
