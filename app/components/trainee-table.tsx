// The one table of trainees (issue 15): the lead's programme page and the supervisor's caseload show
// the same columns (trainee, stage, readiness, last activity, projected accreditation, flags), each
// page adding its own (the lead's "Supervisor"). Filters are GET forms built from `FilterSelect`, and
// paging is plain links (`TablePages`), so the table works without JavaScript.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { flagsAtAGlance, type FlagsAtAGlance } from '~/domain/dashboard'
import { atAGlance, type ReadinessAtAGlance, type StageReadiness } from '~/domain/readiness'
import type { Flag } from '~/domain/risk'
import type { StageStatus } from '~/domain/stage-end'
import { OutlookCells, ProgressCells } from './progress-cells'
import { TableScroll } from './table-scroll'

/** What every row of the table needs. */
export interface TraineeRow {
  id: number
  trainee_name: string
  status: string
  stage_status: StageStatus
  stage_completed_on: string | null
  readiness: ReadinessAtAGlance
  lastActivityOn: string | null
  accreditationOn: string | null
  accredited: boolean
  funding_ends_on: string | null
  flags: FlagsAtAGlance
}

/**
 * A row of the table from a trainee with their full progress (as the models give it): the row's
 * fields only, readiness and flags cut down to what the row shows, so a page sends no more.
 */
export function traineeRow(t: Omit<TraineeRow, 'readiness' | 'flags'> & { readiness: StageReadiness; flags: Pick<Flag, 'severity' | 'reason'>[] }): TraineeRow {
  return {
    id: t.id,
    trainee_name: t.trainee_name,
    status: t.status,
    stage_status: t.stage_status,
    stage_completed_on: t.stage_completed_on,
    readiness: atAGlance(t.readiness),
    lastActivityOn: t.lastActivityOn,
    accreditationOn: t.accreditationOn,
    accredited: t.accredited,
    funding_ends_on: t.funding_ends_on,
    flags: flagsAtAGlance(t.flags),
  }
}

/** A column a page adds after the shared ones. */
export interface TraineeColumn<R> {
  header: string
  cell: (row: R) => ReactNode
}

/**
 * The trainee table: `href` links each name to the page's own trainee page; `nameNote` adds a short
 * note after the name (the supervisor's to-do count); `columns` are added at the end.
 */
export function TraineeTable<R extends TraineeRow>({
  rows,
  label,
  caption,
  href,
  nameNote,
  columns = [],
}: {
  rows: R[]
  /** The scrolling region's name. */
  label: string
  caption: string
  href: (row: R) => string
  nameNote?: (row: R) => ReactNode
  columns?: TraineeColumn<R>[]
}) {
  return (
    <TableScroll label={label}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Trainee</th>
            <th scope="col">Stage</th>
            <th scope="col">Readiness</th>
            <th scope="col">Last activity</th>
            <th scope="col">Projected accreditation</th>
            <th scope="col">Flags</th>
            {columns.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((t) => (
            <tr key={t.id}>
              <td>
                <Link to={href(t)}>{t.trainee_name}</Link>
                {nameNote?.(t)}
              </td>
              <ProgressCells enrolmentStatus={t.status} stageStatus={t.stage_status} stageCompletedOn={t.stage_completed_on} readiness={t.readiness} />
              <OutlookCells
                id={t.id}
                name={t.trainee_name}
                lastActivityOn={t.lastActivityOn}
                accreditationOn={t.accreditationOn}
                accredited={t.accredited}
                fundingEndsOn={t.funding_ends_on}
                flags={t.flags}
              />
              {columns.map((c) => (
                <td key={c.header}>{c.cell(t)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** "Showing 26 to 50 of 500" with Previous and Next links that keep the filters and sort (plain links: no JavaScript needed). */
export function TablePages({ table, query }: { table: { page: number; pageCount: number; total: number; from: number; to: number }; query: Record<string, string | number | null> }) {
  if (table.total === 0) return null
  const href = (page: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value !== null && key !== 'page') params.set(key, String(value))
    if (page > 1) params.set('page', String(page))
    return `?${params}#trainees`
  }
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of trainees">
      <p>
        Showing {table.from} to {table.to} of {table.total} trainees{table.pageCount > 1 ? ` (page ${table.page} of ${table.pageCount})` : ''}
      </p>
      {table.pageCount > 1 && (
        <ul className="nhsuk-list nhsuk-pagination__list">
          {table.page > 1 && (
            <li className="nhsuk-pagination-item--previous">
              <Link className="nhsuk-pagination__link nhsuk-pagination__link--prev" to={href(table.page - 1)} rel="prev" preventScrollReset>
                <span className="nhsuk-pagination__title">Previous</span>
                <span className="nhsuk-u-visually-hidden">:</span>
                <span className="nhsuk-pagination__page">Page {table.page - 1}</span>
              </Link>
            </li>
          )}
          {table.page < table.pageCount && (
            <li className="nhsuk-pagination-item--next">
              <Link className="nhsuk-pagination__link nhsuk-pagination__link--next" to={href(table.page + 1)} rel="next" preventScrollReset>
                <span className="nhsuk-pagination__title">Next</span>
                <span className="nhsuk-u-visually-hidden">:</span>
                <span className="nhsuk-pagination__page">Page {table.page + 1}</span>
              </Link>
            </li>
          )}
        </ul>
      )}
    </nav>
  )
}
