import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Checkboxes, TextField, ZodForm } from '~/components/form'
import { ErrorSummary } from '~/components/error-summary'
import { PasswordLinkCard } from '~/components/password-link-card'
import { SummaryList } from '~/components/summary-list'
import { PROGRAMME_ROLES, rolesGivenBy } from '~/models/access.server'
import { findManagedPerson, issueOrganisationPasswordLink, setPersonActive, updatePerson } from '~/models/people.server'
import { DEACTIVATE_PERSON, EDIT_PERSON, EditPersonSchema, NEW_PASSWORD_LINK, REACTIVATE_PERSON } from '~/schemas/person'
import { requireRole } from '~/utils/auth.server'
import { formatInstant } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { passwordLinkAnswer } from '~/utils/password-link.server'
import { ROLE_LABEL } from '~/utils/roles'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? 'Person'} – People – Attune` }]

/** One person of an organisation the viewer manages: change name, job title and roles; deactivate; send a link. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const { organisation, person } = found(await findManagedPerson(await getDb(), user, idParam(params.organisationId), idParam(params.userId)))
  // A lead reaches only people holding roles a lead may give (managedPeopleScope), so every role they hold is a choice here.
  return json({ organisation, person, isSelf: person.id === user.id, roleChoices: rolesGivenBy(user).map((role) => ({ value: role, label: ROLE_LABEL[role] })) })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const values = await readFormValues(request)
  const form: PersonForm = { request, db, user, values, organisationId: idParam(params.organisationId), userId: idParam(params.userId) }
  switch (intentOf(values, [EDIT_PERSON, NEW_PASSWORD_LINK, DEACTIVATE_PERSON, REACTIVATE_PERSON])) {
    case EDIT_PERSON:
      return editPerson(form)
    case NEW_PASSWORD_LINK:
      return newLink(form)
    case DEACTIVATE_PERSON:
      return setActive(form, false)
    case REACTIVATE_PERSON:
      return setActive(form, true)
  }
}

type PersonForm = PostedForm & { organisationId: number; userId: number }

const back = (form: PersonForm) => `/organisations/${form.organisationId}/people`

async function editPerson(form: PersonForm) {
  // The person is the one in the URL, whatever a hidden field says.
  const parsed = parseValues({ ...form.values, userId: String(form.userId) }, EditPersonSchema)
  if (!parsed.ok) return invalid(parsed.failure, EDIT_PERSON)
  try {
    found(await form.db.transaction().execute((trx) => updatePerson(trx, form.user, form.organisationId, parsed.data)))
    return redirectWithFlash(form.request, back(form), `${parsed.data.name}: changes saved.`)
  } catch (error) {
    return refusalAnswer(error, parsed.values, EDIT_PERSON)
  }
}

async function newLink(form: PersonForm) {
  const issued = found(await form.db.transaction().execute((trx) => issueOrganisationPasswordLink(trx, form.user, form.organisationId, form.userId)))
  return passwordLinkAnswer(issued)
}

async function setActive(form: PersonForm, active: boolean) {
  try {
    const person = found(await form.db.transaction().execute((trx) => setPersonActive(trx, form.user, form.organisationId, form.userId, active)))
    return redirectWithFlash(form.request, back(form), active ? `${person.name} can sign in again.` : `${person.name} is deactivated: they cannot sign in, and their records stay.`)
  } catch (error) {
    return refusalAnswer(error, form.values, active ? REACTIVATE_PERSON : DEACTIVATE_PERSON)
  }
}

export default function Person() {
  const { organisation, person, isSelf, roleChoices } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const link = data && 'link' in data ? data.link : null
  const refusal = data && !data.ok && data.intent !== EDIT_PERSON ? data.formError : null
  return (
    <>
      <Link to={`/organisations/${organisation.id}/people`} className="nhsuk-back-link">
        People in {organisation.name}
      </Link>
      <h1>{person.name}</h1>
      {link ? <PasswordLinkCard link={link} /> : null}
      {refusal ? (
        <ErrorSummary id="person-error-summary" title="There is a problem">
          <p>{refusal}</p>
        </ErrorSummary>
      ) : null}
      <SummaryList
        rows={[
          ['Email address', person.email],
          ['Roles', person.roles.map((r) => ROLE_LABEL[r]).join(', ')],
          ['Sign-in', person.deactivated_at ? `Deactivated on ${formatInstant(person.deactivated_at)}` : 'Active'],
        ]}
      />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Change their details and roles</h2>
          <ZodForm
            schema={EditPersonSchema}
            intent={EDIT_PERSON}
            record={{ userId: person.id }}
            defaultValues={{ name: person.name, jobTitle: person.job_title ?? '', roles: person.roles }}
            failure={data && !data.ok ? data : null}
            submitLabel="Save changes"
          >
            <TextField name="name" label="Full name" autoComplete="off" />
            <TextField name="jobTitle" label="Job title (optional)" />
            <Checkboxes name="roles" label="Roles" hint="Choose every role that applies." options={roleChoices} />
          </ZodForm>
          {person.deactivated_at ? null : (
            <>
              <h2>Sign-in link</h2>
              <p>A new one-time link to set their password. Any earlier unused link stops working.</p>
              <Form method="post">
                <input type="hidden" name="intent" value={NEW_PASSWORD_LINK} />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                  Send a new link
                </button>
              </Form>
            </>
          )}
          {isSelf ? null : (
            <>
              <h2>{person.deactivated_at ? 'Let them sign in again' : 'Deactivate'}</h2>
              <p>
                {person.deactivated_at
                  ? 'They will be able to sign in with their password again.'
                  : 'They will be signed out and cannot sign in. Everything they recorded stays, with their name on it.'}
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value={person.deactivated_at ? REACTIVATE_PERSON : DEACTIVATE_PERSON} />
                <button type="submit" className={`nhsuk-button ${person.deactivated_at ? 'nhsuk-button--secondary' : 'nhsuk-button--warning'}`}>
                  {person.deactivated_at ? `Reactivate ${person.name}` : `Deactivate ${person.name}`}
                </button>
              </Form>
            </>
          )}
        </div>
      </div>
    </>
  )
}
