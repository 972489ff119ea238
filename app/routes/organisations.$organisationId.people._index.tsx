import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Checkboxes, TextField, ZodForm } from '~/components/form'
import { PasswordLinkCard } from '~/components/password-link-card'
import { TableScroll } from '~/components/table-scroll'
import { PROGRAMME_ROLES, rolesGivenBy } from '~/models/access.server'
import { addPerson, listOrganisationPeople } from '~/models/people.server'
import { ADD_PERSON, OrganisationPersonSchema } from '~/schemas/person'
import { requireRole } from '~/utils/auth.server'
import { formatInstant } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { passwordLinkAnswer } from '~/utils/password-link.server'
import { ROLE_LABEL } from '~/utils/roles'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `People${data ? ` – ${data.organisation.name}` : ''} – Attune` }]

/** An organisation's People page (ADR 0018): a lead their own organisation's, an admin any. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const listed = found(await listOrganisationPeople(await getDb(), user, idParam(params.organisationId), { includeDeactivated: true }))
  return json({ ...listed, roleChoices: rolesGivenBy(user).map((role) => ({ value: role, label: ROLE_LABEL[role] })), isAdmin: user.roles.includes('admin') })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const organisationId = idParam(params.organisationId)
  const parsed = await parseForm(request, OrganisationPersonSchema)
  if (!parsed.ok) return invalid(parsed.failure, ADD_PERSON)
  try {
    const created = found(await (await getDb()).transaction().execute((trx) => addPerson(trx, user, organisationId, parsed.data)))
    return passwordLinkAnswer({ name: parsed.data.name, email: parsed.data.email, token: created.token })
  } catch (error) {
    return refusalAnswer(error, parsed.values, ADD_PERSON)
  }
}

export default function OrganisationPeople() {
  const { organisation, people, roleChoices, isAdmin } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const link = data && 'link' in data ? data.link : null
  return (
    <>
      {isAdmin ? (
        <Link to="/admin/organisations" className="nhsuk-back-link">
          Organisations
        </Link>
      ) : null}
      <h1>People in {organisation.name}</h1>
      {link ? <PasswordLinkCard link={link} /> : null}
      <TableScroll label="People">
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">People, their roles and whether they can sign in</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Roles</th>
              <th scope="col">Sign-in</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {people.map((p) => (
              <tr key={p.id}>
                <td className="app-wrap">
                  <Link to={String(p.id)}>{p.name}</Link>
                  <br />
                  <span className="nhsuk-body-s">
                    {p.email}
                    {p.job_title ? ` · ${p.job_title}` : ''}
                  </span>
                </td>
                <td>{p.roles.map((r) => ROLE_LABEL[r]).join(', ')}</td>
                <td>
                  {p.deactivated_at ? (
                    <strong className="nhsuk-tag nhsuk-tag--grey">Deactivated</strong>
                  ) : (
                    <>
                      {p.has_password ? 'Has a password' : 'No password yet'}
                      {p.link_expires_at ? (
                        <>
                          <br />
                          <span className="nhsuk-body-s">Link valid until {formatInstant(p.link_expires_at)}</span>
                        </>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Add a person</h2>
          <p>They get an e-mail with a one-time link to set their password. Someone can hold several roles: a supervisor who also accredits, a lead who also supervises.</p>
          <ZodForm
            key={link ? `${link.email}-${link.url}` : 'add-person'}
            schema={OrganisationPersonSchema}
            intent={ADD_PERSON}
            defaultValues={{ name: '', email: '', roles: [], jobTitle: '' }}
            failure={data && !data.ok ? data : null}
            submitLabel="Add person and send a link"
          >
            <TextField name="name" label="Full name" autoComplete="off" />
            <TextField name="email" label="Email address" type="email" autoComplete="off" inputMode="email" />
            <Checkboxes name="roles" label="What will they do here?" hint="Choose every role that applies." options={roleChoices} />
            <TextField name="jobTitle" label="Job title (optional)" />
          </ZodForm>
        </div>
      </div>
    </>
  )
}
