import { Form, Link } from '@remix-run/react'
import type { AuditTrailData } from '~/models/audit.server'
import { TableScroll } from './table-scroll'

function Choice({ name, label, value, options, all }: { name: string; label: string; value: string; options: { value: string; label: string }[]; all: string }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={`audit-${name}`}>
        {label}
      </label>
      <select className="nhsuk-select" id={`audit-${name}`} name={name} defaultValue={value}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * The enrolment's audit trail, newest first, as sentences a person reads (when, who did what, what
 * changed, why), filtered on the server by person and action through a plain GET form, with a link to
 * download the exact stored values as CSV (with the same filters).
 */
export function AuditTrail({ trail }: { trail: AuditTrailData }) {
  const { filter, lines, people, actions, enrolmentId } = trail
  const filtered = filter.auditBy !== null || filter.auditAction !== null
  const query = new URLSearchParams()
  if (filter.auditBy !== null) query.set('auditBy', String(filter.auditBy))
  if (filter.auditAction !== null) query.set('auditAction', filter.auditAction)
  const csvHref = `/enrolments/${enrolmentId}/audit.csv${filtered ? `?${query}` : ''}`
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      <p>Every change to this trainee’s record: who did what, when, and why.</p>
      {/* Keyed by the filter, so the choices show what the page shows after a link clears them. */}
      <Form key={query.toString()} method="get" className="app-filters" aria-label="Filter the audit trail" preventScrollReset>
        <Choice name="auditBy" label="Person" value={filter.auditBy === null ? '' : String(filter.auditBy)} options={people} all="Everyone" />
        <Choice name="auditAction" label="Action" value={filter.auditAction ?? ''} options={actions} all="All actions" />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </Form>
      {filtered ? (
        <p>
          <Link to="?#audit-heading" preventScrollReset>
            Show the whole trail
          </Link>
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p>{filtered ? 'Nothing matches these filters.' : 'Nothing recorded yet.'}</p>
      ) : (
        <TableScroll label="Audit trail">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Audit trail, newest first{filtered ? ', filtered' : ''}</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">When</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {lines.map((line) => (
                <tr key={line.id}>
                  <td className="app-nowrap">{line.when}</td>
                  <td className="app-wrap">
                    {line.sentence}
                    {line.changes.length > 0 ? <span className="nhsuk-body-s">: {line.changes.join('; ')}</span> : null}
                    {line.reason ? (
                      <>
                        <br />
                        <span className="nhsuk-body-s">Reason: {line.reason}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        <a href={csvHref} download>
          Download the audit trail (CSV)
        </a>{' '}
        <span className="nhsuk-body-s">with the exact stored values{filtered ? ', as filtered' : ''}</span>
      </p>
    </section>
  )
}
