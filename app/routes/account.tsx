// Anyone signed in: how often Attune e-mails them.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { RadioGroup, ZodForm } from '~/components/form'
import { getEmailFrequency, setEmailFrequency } from '~/models/email-preferences.server'
import { EmailPreferencesSchema } from '~/schemas/email'
import { assertSameOrigin, requireUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'E-mail settings – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({ frequency: await getEmailFrequency(await getDb(), user), email: user.email })
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const user = await requireUser(request)
  const parsed = await parseForm(request, EmailPreferencesSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const db = await getDb()
  await db.transaction().execute((trx) => setEmailFrequency(trx, user, parsed.data.frequency))
  return redirectWithFlash(request, '/account', 'Your e-mail settings are saved.')
}

const FREQUENCY_OPTIONS = [
  { value: 'immediate', label: 'As things happen' },
  { value: 'daily', label: 'Once a day, in one round-up' },
  { value: 'weekly', label: 'Once a week, in one round-up (Mondays)' },
  { value: 'off', label: 'Only essential e-mail' },
]

export default function Account() {
  const { frequency, email } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>E-mail settings</h1>
        <p>
          Attune e-mails you at <strong>{email}</strong> when something waits for you or changes: a session confirmed, a stage signed off, a digest of what waits for you. Invitations and
          password resets are essential and always sent.
        </p>
        <ZodForm schema={EmailPreferencesSchema} defaultValues={{ frequency }} failure={failure} submitLabel="Save e-mail settings">
          <RadioGroup name="frequency" label="How often do you want e-mail?" options={FREQUENCY_OPTIONS} />
        </ZodForm>
      </div>
    </div>
  )
}
