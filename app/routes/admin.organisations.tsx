import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { PasswordLinkCard } from '~/components/password-link-card'
import { TableScroll } from '~/components/table-scroll'
import { createOrganisationWithLead, listOrganisations } from '~/models/organisation.server'
import { OrganisationSchema } from '~/schemas/organisation'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { passwordLinkAnswer } from '~/utils/password-link.server'

export const meta: MetaFunction = () => [{ title: 'Organisations – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  return json({ organisations: await listOrganisations(await getDb(), user) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, OrganisationSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  try {
    const created = found(await (await getDb()).transaction().execute((trx) => createOrganisationWithLead(trx, user, parsed.data)))
    return passwordLinkAnswer({ name: parsed.data.leadName, email: parsed.data.leadEmail, token: created.token })
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const link = data && 'link' in data ? data.link : null
  return (
    <>
      <Link to="/admin" className="nhsuk-back-link">
        Administration
      </Link>
      <h1>Organisations</h1>
      <p>Each organisation’s leads run its programmes and manage its people; nobody outside it sees them.</p>
      {link ? <PasswordLinkCard link={link} /> : null}
      <TableScroll label="Organisations">
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Organisations, their people and programmes</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">People</th>
              <th scope="col">Programmes</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {organisations.map((o) => (
              <tr key={o.id}>
                <td className="app-wrap">
                  <Link to={`/organisations/${o.id}/people`}>{o.name}</Link>
                </td>
                <td>{Number(o.people)}</td>
                <td>{Number(o.programmes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Add an organisation</h2>
          <p>Its programme lead gets an e-mail with a one-time link to set their password, then creates the programmes and adds the people.</p>
          <ZodForm
            key={link ? `${link.email}-${link.url}` : 'add-organisation'}
            schema={OrganisationSchema}
            defaultValues={{ name: '', leadName: '', leadEmail: '', leadJobTitle: '' }}
            failure={data && !data.ok ? data : null}
            submitLabel="Add organisation and send a link"
          >
            <TextField name="name" label="Organisation name" hint="For example, Riverside NHS Foundation Trust" autoComplete="off" />
            <TextField name="leadName" label="Programme lead’s full name" autoComplete="off" />
            <TextField name="leadEmail" label="Programme lead’s email address" type="email" autoComplete="off" inputMode="email" />
            <TextField name="leadJobTitle" label="Programme lead’s job title (optional)" />
          </ZodForm>
        </div>
      </div>
    </>
  )
}
