import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { RuleSetStatusTag } from '~/components/rule-set-editor'
import { listPathwayVersions } from '~/models/rule-set-versions.server'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Administration – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json({ pathways: await listPathwayVersions(await getDb()) })
}

export default function AdminHome() {
  const { pathways } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Administration</h1>
      <h2>Pathway rule sets</h2>
      <p>
        Each trainee follows one version of a pathway’s rule set: the stage requirements, fees and the thresholds for at-risk flags. To change requirements, open a version and create a new
        version from it; publish it when it is ready.
      </p>
      {pathways.map((p) => (
        <section key={p.id} aria-labelledby={`pathway-${p.id}`}>
          <h3 id={`pathway-${p.id}`}>{p.name}</h3>
          {p.description ? <p>{p.description}</p> : null}
          <ul className="nhsuk-list nhsuk-list--border">
            {p.versions.map((r) => (
              <li key={r.id}>
                <Link to={`/admin/rule-sets/${r.id}`}>{r.name}</Link> · version {r.version} · <RuleSetStatusTag status={r.status} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Principles of attuned interaction and guidance</h2>
      <p>
        Trainees rate themselves against these after supervision. <Link to="/admin/principles">Edit the principles</Link>
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
