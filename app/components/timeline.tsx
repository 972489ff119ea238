// The trainee's records, newest first, each with its status and, for a locked stage, why it is read-only.
import { Link } from '@remix-run/react'
import type { TimelineEntry } from '~/models/timeline.server'
import { formatDate } from '~/utils/dates'
import { StatusTag } from './status-tag'

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p>Nothing logged yet. Start by adding a client.</p>
  // Why a stage is read-only is said once above the list; each of its records carries a short mark.
  const reasons = [...new Set(entries.flatMap((e) => (e.lockedReason ? [e.lockedReason] : [])))]
  return (
    <>
      {reasons.length > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {reasons.map((reason) => (
            <p key={reason}>
              <strong>Read-only:</strong> {reason}
            </p>
          ))}
        </div>
      ) : null}
      <ol className="nhsuk-list app-timeline">
        {entries.map((entry) => (
          <li key={entry.key} className="app-timeline__item">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              <time dateTime={entry.date}>{formatDate(entry.date)}</time>
            </p>
            <p className="nhsuk-u-margin-bottom-1">
              <Link to={entry.href}>{entry.title}</Link> {entry.status ? <StatusTag status={entry.status} /> : null}
            </p>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{entry.detail}</p>
            {entry.lockedReason ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Read-only</p> : null}
          </li>
        ))}
      </ol>
    </>
  )
}
