// Public: the unsubscribe link in every non-essential e-mail. The link is signed for one person
// and works without signing in. Opening it asks for one click (a GET changes nothing, so mail
// scanners that open links do not unsubscribe people); mail programs that offer "unsubscribe"
// themselves POST here directly (RFC 8058 List-Unsubscribe-Post).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { findUnsubscriber, setEmailFrequency } from '~/models/email-preferences.server'
import { assertSameOrigin } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'

export const meta: MetaFunction = () => [{ title: 'Unsubscribe – Attune' }, { name: 'referrer', content: 'no-referrer' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const person = await findUnsubscriber(await getDb(), params.token ?? '')
  return json(person ? { valid: true as const, email: person.email, off: person.email_frequency === 'off' } : { valid: false as const })
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const db = await getDb()
  const person = await findUnsubscriber(db, params.token ?? '')
  if (!person) return json({ done: false as const }, { status: 404 })
  await db.transaction().execute((trx) => setEmailFrequency(trx, person, 'off'))
  return json({ done: true as const })
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Unsubscribe from Attune e-mail</h1>
        {!data.valid || result?.done === false ? (
          <p>This unsubscribe link does not work. Sign in and choose how often you get e-mail under E-mail settings.</p>
        ) : result?.done || data.off ? (
          <div role="status">
            <p>
              You are unsubscribed: <strong>{data.email}</strong> gets only essential e-mail from Attune now (invitations and password resets).
            </p>
            <p>
              To change your mind, sign in and go to <Link to="/account">E-mail settings</Link>.
            </p>
          </div>
        ) : (
          <>
            <p>
              Stop all but essential e-mail to <strong>{data.email}</strong>? You will still get invitations and password resets.
            </p>
            <Form method="post">
              <button type="submit" className="nhsuk-button">
                Unsubscribe
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
