import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listLedProgrammes } from '~/models/programme.server'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { TableScroll } from '~/components/table-scroll'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction = () => [{ title: 'Programmes – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  return json({ name: user.name, programmes: await listLedProgrammes(await getDb(), user) })
}

export default function LeadHome() {
  const { name, programmes } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Programmes, {name}</h1>
      <Link to="/lead/programmes/new" className="nhsuk-button">
        Create a programme
      </Link>
      {programmes.length === 0 ? (
        <p>You do not lead any programmes yet.</p>
      ) : (
        <TableScroll label="Programmes you lead">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--m">Programmes you lead</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Programme</th>
                <th scope="col">Organisation</th>
                <th scope="col">Started</th>
                <th scope="col">Funding ends</th>
                <th scope="col" className="nhsuk-table__header--numeric">
                  In training
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {programmes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/lead/programmes/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{p.organisation_name}</td>
                  <td className="app-nowrap">{formatDate(p.started_on)}</td>
                  <td className="app-nowrap">{formatDate(p.funding_ends_on)}</td>
                  <td className="nhsuk-table__cell--numeric">{p.trainees_in_training}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  )
}
