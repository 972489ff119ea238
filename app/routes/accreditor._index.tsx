import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AccreditationWaitTag, OverrideTag } from '~/components/stage-tags'
import { listAccreditorTrainees, listAwaitingAccreditation } from '~/models/sign-off.server'
import { requireRole } from '~/utils/auth.server'
import { formatInstant, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { TableScroll } from '~/components/table-scroll'

export const meta: MetaFunction = () => [{ title: 'Stages to accredit – Attune' }]

// Accredited supervisors act as external accreditors for other supervisors' trainees, so both roles
// reach this page; the queries only ever return enrolments allocated to the viewer and never their own.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'accreditor', 'supervisor')
  const db = await getDb()
  const [waiting, trainees] = await Promise.all([listAwaitingAccreditation(db, user, today()), listAccreditorTrainees(db, user)])
  return json({ name: user.name, waiting, trainees })
}

export default function AccreditorHome() {
  const { name, waiting, trainees } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Stages to accredit, {name}</h1>
      {waiting.length === 0 ? (
        <p>No stage is waiting for you.</p>
      ) : (
        <TableScroll label="Stages waiting for your decision">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--m">Waiting for your decision, the longest waiting first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Trainee</th>
                <th scope="col">Stage</th>
                <th scope="col">Signed off</th>
                <th scope="col">Waiting</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {waiting.map((w) => (
                <tr key={`${w.enrolment_id}-${w.stage_number}`}>
                  <td>
                    <Link to={`/accreditor/enrolments/${w.enrolment_id}`}>{w.trainee_name}</Link>
                    <br />
                    <span className="nhsuk-body-s">{w.programme_name}</span>
                  </td>
                  <td>{w.stage_name}</td>
                  <td className="app-wrap">
                    {w.signed_off_by_name}, {formatInstant(w.signed_off_at)}
                    <OverrideTag reason={w.override_reason} />
                  </td>
                  <td className="app-nowrap">
                    <AccreditationWaitTag daysWaiting={w.daysWaiting} overdue={w.overdue} waitingDays={w.waitingDays} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Trainees allocated to you</h2>
      {trainees.length === 0 ? (
        <p>No trainees are allocated to you.</p>
      ) : (
        <TableScroll label="Trainees allocated to you">
          <table className="nhsuk-table">
            <caption className="nhsuk-u-visually-hidden">Trainees allocated to you</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Trainee</th>
                <th scope="col">Stage</th>
                <th scope="col">Supervisor</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {trainees.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/accreditor/enrolments/${t.id}`}>{t.trainee_name}</Link>
                    <br />
                    <span className="nhsuk-body-s">{t.programme_name}</span>
                  </td>
                  <td>{t.status === 'accredited' ? 'Accredited' : t.stage_name}</td>
                  <td>{t.supervisor_name ?? 'No one yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  )
}
