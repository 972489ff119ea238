import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listRuleSets } from '~/models/rule-set.server'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Administration – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json({ ruleSets: await listRuleSets(await getDb()) })
}

export default function AdminHome() {
  const { ruleSets } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Administration</h1>
      <h2>Pathway rule sets</h2>
      <p>Each trainee follows one rule set: the stage requirements, fees and the thresholds for at-risk flags.</p>
      <ul className="nhsuk-list nhsuk-list--border">
        {ruleSets.map((r) => (
          <li key={r.id}>
            <Link to={`/admin/rule-sets/${r.id}`}>{r.name}</Link> · version {r.version} ·{' '}
            <strong className={`nhsuk-tag ${r.status === 'active' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{r.status === 'active' ? 'In use for new enrolments' : 'Earlier model'}</strong>
          </li>
        ))}
      </ul>
      <h2>Principles of attuned interaction and guidance</h2>
      <p>
        Trainees rate themselves against these after supervision. <Link to="/admin/principles">Edit the principles</Link>
      </p>
      <h2>Organisations and people</h2>
      <p>
        <Link to="/admin/organisations">Add organisations and their programme leads; manage anyone’s roles</Link>
      </p>
      <h2>E-mail</h2>
      <p>
        <Link to="/admin/outbox">Outbox: what was sent, what waits and what failed</Link>
      </p>
      <h2>Certificates</h2>
      <p>
        <Link to="/certificates">See and revoke certificates</Link>
      </p>
    </>
  )
}
