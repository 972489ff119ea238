import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { RadioGroup, TextField, ZodForm } from '~/components/form'
import { findLedProgramme } from '~/models/programme.server'
import { createPerson, issuePasswordLink, listProgrammePeople } from '~/models/people.server'
import { PasswordLinkCard } from '~/components/password-link-card'
import { passwordLinkAnswer } from '~/utils/password-link.server'
import { ADD_PERSON, NEW_PASSWORD_LINK, PasswordLinkSchema, PersonSchema } from '~/schemas/person'
import { requireRole } from '~/utils/auth.server'
import { formatInstant } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { badRequest, intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { ROLE_LABEL } from '~/utils/roles'
import { TableScroll } from '~/components/table-scroll'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction = () => [{ title: 'People and sign-in links – Attune' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  return json({ programme: { id: programme.id, name: programme.name, organisationId: programme.organisation_id }, people: found(await listProgrammePeople(db, user, programme.id)) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const programmeId = idParam(params.programmeId)
  const db = await getDb()
  const values = await readFormValues(request)
  const form = { request, db, user, programmeId, values }
  switch (intentOf(values, [ADD_PERSON, NEW_PASSWORD_LINK])) {
    case ADD_PERSON:
      return addPerson(form)
    case NEW_PASSWORD_LINK:
      return newLink(form)
  }
}

type PeopleForm = PostedForm & { programmeId: number }

async function addPerson({ db, user, programmeId, values }: PeopleForm) {
  const parsed = parseValues(values, PersonSchema)
  if (!parsed.ok) return invalid(parsed.failure, ADD_PERSON)
  try {
    const created = found(await db.transaction().execute((trx) => createPerson(trx, user, programmeId, parsed.data)))
    return passwordLinkAnswer({ name: parsed.data.name, email: parsed.data.email, token: created.token })
  } catch (error) {
    return refusalAnswer(error, values, ADD_PERSON)
  }
}

async function newLink({ db, user, programmeId, values }: PeopleForm) {
  const parsed = parseValues(values, PasswordLinkSchema)
  if (!parsed.ok) throw badRequest()
  const issued = found(await db.transaction().execute((trx) => issuePasswordLink(trx, user, programmeId, parsed.data.userId)))
  return passwordLinkAnswer(issued)
}

export default function People() {
  const { programme, people } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const link = data && 'link' in data ? data.link : null
  return (
    <>
      <Link to={`/lead/programmes/${programme.id}`} className="nhsuk-back-link">
        {programme.name}
      </Link>
      <h1>People and sign-in links</h1>
      {link ? <PasswordLinkCard link={link} /> : null}
      <p>
        Everyone in the organisation, their roles and whether they can sign in are on the <Link to={`/organisations/${programme.organisationId}/people`}>organisation’s People page</Link>.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Add a person</h2>
          <p>They get an e-mail with a one-time link to set their password.</p>
          <ZodForm
            key={link ? `${link.email}-${link.url}` : 'add-person'}
            schema={PersonSchema}
            intent={ADD_PERSON}
            defaultValues={{ name: '', email: '', role: '', jobTitle: '' }}
            failure={data && !data.ok ? data : null}
            submitLabel="Add person and send a link"
          >
            <TextField name="name" label="Full name" autoComplete="off" />
            <TextField name="email" label="Email address" type="email" autoComplete="off" inputMode="email" />
            <RadioGroup
              name="role"
              label="What will they do here?"
              options={[
                { value: 'trainee', label: 'Trainee' },
                { value: 'supervisor', label: 'Supervisor' },
                { value: 'accreditor', label: 'External accreditor' },
              ]}
            />
            <TextField name="jobTitle" label="Job title (optional)" />
          </ZodForm>
        </div>
      </div>
      <h2>People in {programme.name}’s organisation</h2>
      <TableScroll label="People">
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">People, their role and whether they can sign in</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Sign-in</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {people.map((p) => (
              <tr key={p.id}>
                <td className="app-wrap">
                  {p.name}
                  <br />
                  <span className="nhsuk-body-s">{p.email}</span>
                </td>
                <td>{p.roles.map((r) => ROLE_LABEL[r]).join(', ')}</td>
                <td>
                  {p.has_password ? 'Has a password' : 'No password yet'}
                  {p.link_expires_at ? (
                    <>
                      <br />
                      <span className="nhsuk-body-s">Link valid until {formatInstant(p.link_expires_at)}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value={NEW_PASSWORD_LINK} />
                    <input type="hidden" name="userId" value={p.id} />
                    <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0">
                      New link<span className="nhsuk-u-visually-hidden"> for {p.name}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}
