import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ProgressCells } from '~/components/progress-cells'
import { formatHours } from '~/domain/readiness'
import { findLedProgramme, listProgrammeEnrolments } from '~/models/programme.server'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { formatPence } from '~/utils/money'
import { TableScroll } from '~/components/table-scroll'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.programme.name ?? 'Programme'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'lead')
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  return json({ programme, trainees: await listProgrammeEnrolments(db, user, programme.id) })
}

export default function ProgrammeOverview() {
  const { programme, trainees } = useLoaderData<typeof loader>()
  return (
    <>
      <Link to="/lead" className="nhsuk-back-link">
        Programmes
      </Link>
      <h1>{programme.name}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Organisation</dt>
          <dd className="nhsuk-summary-list__value">{programme.organisation_name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Dates</dt>
          <dd className="nhsuk-summary-list__value">
            Started {formatDate(programme.started_on)}; funding ends {formatDate(programme.funding_ends_on)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Budget</dt>
          <dd className="nhsuk-summary-list__value">{formatPence(programme.budget_pence)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Supervisors</dt>
          <dd className="nhsuk-summary-list__value">
            {programme.supervisors.length === 0
              ? 'None yet'
              : programme.supervisors.map((s) => `${s.name} (${formatHours(s.capacity_minutes_per_month)} a month)`).join(', ')}
          </dd>
        </div>
      </dl>
      <div className="nhsuk-button-group">
        <Link to={`/lead/programmes/${programme.id}/enrol`} className="nhsuk-button">
          Enrol a trainee
        </Link>
        <Link to={`/lead/programmes/${programme.id}/people`} className="nhsuk-button nhsuk-button--secondary">
          People and sign-in links
        </Link>
        <Link to={`/lead/programmes/${programme.id}/edit`} className="nhsuk-button nhsuk-button--secondary">
          Edit programme
        </Link>
      </div>
      <h2>Trainees</h2>
      {trainees.length === 0 ? (
        <p>No one is enrolled yet.</p>
      ) : (
        <TableScroll label="Trainees">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Trainees on {programme.name}</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Trainee</th>
                <th scope="col">Stage</th>
                <th scope="col">Readiness</th>
                <th scope="col">Supervisor</th>
                <th scope="col">External accreditor</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {trainees.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/lead/enrolments/${t.id}`}>{t.trainee_name}</Link>
                  </td>
                  <ProgressCells enrolmentStatus={t.status} stageStatus={t.stage_status} stageCompletedOn={t.stage_completed_on} readiness={t.readiness} />
                  <td>{t.supervisor_name ?? 'None'}</td>
                  <td>{t.accreditor_name ?? 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  )
}
