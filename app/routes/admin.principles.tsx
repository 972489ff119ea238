import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Checkbox, TextArea, TextField, ZodForm } from '~/components/form'
import { listPrinciples, updatePrinciple } from '~/models/rule-set.server'
import { PrincipleSchema } from '~/schemas/rule-set'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { found } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Principles – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json({ principles: await listPrinciples(await getDb(), { activeOnly: false }) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  // One kind of form, repeated per principle: the hidden principleId tells them apart.
  const parsed = await parseForm(request, PrincipleSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const db = await getDb()
  try {
    found(await db.transaction().execute((trx) => updatePrinciple(trx, user.id, parsed.data)))
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
  return redirectWithFlash(request, '/admin/principles', `“${parsed.data.name}” saved.`)
}

export default function Principles() {
  const { principles } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <>
      <Link className="nhsuk-back-link" to="/admin">
        Administration
      </Link>
      <h1>Principles of attuned interaction and guidance</h1>
      <p>Trainees rate themselves against the principles in use after each supervision session. Past ratings keep the principle they were made against.</p>
      {principles.map((p) => (
        <section key={p.id} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-s">
              {p.position}. {p.name}
            </h2>
            <ZodForm
              schema={PrincipleSchema}
              record={{ principleId: p.id }}
              failure={failure}
              submitLabel="Save"
              defaultValues={{ name: p.name, description: p.description, active: p.active === 1 }}
            >
              <TextField name="name" label="Name" />
              <TextArea name="description" label="What it looks like" rows={2} />
              <Checkbox name="active" label="In use: trainees rate themselves against it" />
            </ZodForm>
          </div>
        </section>
      ))}
    </>
  )
}
