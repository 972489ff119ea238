// Readiness at a glance, from the one readiness computation (domain/readiness.ts): a compact line for
// tables ("Cycles 4/6 · Clients 1/2 · Supervision 5 h/7 h") or a short table for evidence summaries.
import { formatHours, type ReadinessAtAGlance, type Requirement, type StageReadiness } from '~/domain/readiness'
import { TableScroll } from './table-scroll'

const SHORT_LABEL: Record<Requirement['key'], string> = {
  course: 'Course',
  introduction_session: 'Introduction',
  cycles: 'Cycles',
  new_clients: 'Clients',
  supervision: 'Supervision',
  written_reflection: 'Reflection',
}

function amount(r: ReadinessAtAGlance['requirements'][number]): string {
  if (r.unit === 'done') return r.met ? 'done' : 'to do'
  if (r.unit === 'minutes') return `${formatHours(r.done)}/${formatHours(r.required)}`
  return `${r.done}/${r.required}`
}

export function ReadinessTag({ readiness }: { readiness: ReadinessAtAGlance }) {
  return readiness.ready ? (
    <strong className="nhsuk-tag nhsuk-tag--green">Ready for sign-off</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--grey">{readiness.requirements.filter((r) => !r.met).length} to go</strong>
  )
}

/** One line for a table cell; each part says in hidden text whether it is met. */
export function ReadinessSummary({ readiness }: { readiness: ReadinessAtAGlance }) {
  return (
    <span className="app-readiness">
      {readiness.requirements.map((r, i) => (
        <span key={r.key} className={r.met ? 'app-readiness__met' : undefined}>
          {i > 0 ? <span aria-hidden="true"> · </span> : null}
          {SHORT_LABEL[r.key]} {amount(r)}
          <span className="nhsuk-u-visually-hidden">{r.met ? ' (met)' : ' (not met)'}</span>
        </span>
      ))}
    </span>
  )
}

/** The requirements of one stage, what is done and what is missing: an evidence summary. */
export function ReadinessTable({ readiness, caption }: { readiness: StageReadiness; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Requirement</th>
            <th scope="col">Done</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {readiness.requirements.map((r) => (
            <tr key={r.key}>
              <td>{r.label}</td>
              <td className="app-nowrap">
                {amount(r)}
                {r.pending > 0 ? <span className="nhsuk-body-s"> (+{formatHours(r.pending)} to confirm)</span> : null}
              </td>
              <td>{r.met ? <strong className="nhsuk-tag nhsuk-tag--green">Met</strong> : <span>{r.missing}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
