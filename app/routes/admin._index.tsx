import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextArea, TextField, ZodForm } from '~/components/form'
import { RuleSetStatusTag } from '~/components/rule-set-editor'
import { createPathway, listPathwayVersions } from '~/models/rule-set-versions.server'
import { NewPathwaySchema } from '~/schemas/rule-set'
import { today } from '~/utils/dates'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Administration – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json({ pathways: await listPathwayVersions(await getDb()) })
}

/** Adds a pathway with a first draft version (ADR 0017), then opens the draft to set its numbers. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, NewPathwaySchema)
  if (!parsed.ok) return invalid(parsed.failure)
  try {
    const id = await (await getDb()).transaction().execute((trx) => createPathway(trx, user.id, parsed.data, today()))
    return redirectWithFlash(request, `/admin/rule-sets/${id}`, 'Pathway added with a draft first version. Set each stage’s numbers, then publish it.')
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function AdminHome() {
  const { pathways } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
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
      <details className="nhsuk-details" open={Boolean(failure)}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Add a pathway</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>For example the supervisor pathway (trainee supervisor to accredited supervisor), whose numbers are set locally. It starts as a draft you complete and publish.</p>
          <ZodForm schema={NewPathwaySchema} failure={failure} submitLabel="Add pathway" defaultValues={{ name: '', description: '', awardTitle: '', stageCount: '2' }}>
            <TextField name="name" label="Pathway name" hint="Like ‘VIG supervisor’." />
            <TextArea name="description" label="Description (optional)" rows={2} />
            <TextField name="awardTitle" label="Award on completing it" hint="Like ‘Accredited VIG Supervisor’." />
            <TextField name="stageCount" label="Stages after the introductory course" hint="From 1 to 6. You set each stage’s requirements next." width={2} inputMode="numeric" />
          </ZodForm>
        </div>
      </details>
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
