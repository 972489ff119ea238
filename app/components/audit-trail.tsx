import { auditActionLabel, describeChange } from '~/utils/audit-wording'
import { formatInstant } from '~/utils/dates'
import { TableScroll } from './table-scroll'

export interface AuditRow {
  id: number
  at: string
  action: string
  actor_name: string | null
  before_json: string | null
  after_json: string | null
  reason: string | null
}

/** The enrolment's audit trail, newest first, with a link to download all of it as CSV. */
export function AuditTrail({ rows, enrolmentId }: { rows: AuditRow[]; enrolmentId: number }) {
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p>
        Every decision on this trainee’s record: who, what, when, and what changed.{' '}
        <a href={`/enrolments/${enrolmentId}/audit.csv`} download>
          Download the audit trail (CSV)
        </a>
      </p>
      {rows.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <TableScroll label="Audit trail">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Audit trail, newest first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Change and reason</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="app-nowrap">{formatInstant(row.at)}</td>
                  <td>{row.actor_name ?? 'System'}</td>
                  <td>{auditActionLabel(row.action)}</td>
                  <td className="app-wrap">
                    {describeChange(row.before_json, row.after_json)}
                    {row.reason ? (
                      <>
                        <br />
                        <span className="nhsuk-body-s">Reason: {row.reason}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  )
}
