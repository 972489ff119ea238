// Public: ask for a link to reset your password. The answer is the same whether or not the
// address has an account, and requests for one address are throttled (people.server.ts).
import { json, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { RESET_LINK_MINUTES, requestPasswordReset } from '~/models/people.server'
import { ForgotPasswordSchema } from '~/schemas/email'
import { assertSameOrigin } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm } from '~/utils/forms.server'

export const meta: MetaFunction = () => [{ title: 'Forgotten your password? – Attune' }]

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, ForgotPasswordSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const db = await getDb()
  await db.transaction().execute((trx) => requestPasswordReset(trx, parsed.data.email))
  return json({ ok: true as const, email: parsed.data.email, minutes: RESET_LINK_MINUTES })
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-one-half">
        <h1>Forgotten your password?</h1>
        {data?.ok ? (
          <div role="status">
            <p>
              If <strong>{data.email}</strong> has an Attune account, we have e-mailed it a link to choose a new password. The link works once, for {data.minutes} minutes.
            </p>
            <p>Nothing arrived after a few minutes? Check your junk folder, or ask your programme lead.</p>
            <p>
              <Link to="/login">Back to sign in</Link>
            </p>
          </div>
        ) : (
          <>
            <p>Enter the email address you sign in with and we will e-mail you a link to choose a new password.</p>
            <ZodForm schema={ForgotPasswordSchema} defaultValues={{ email: '' }} failure={data && !data.ok ? data : null} submitLabel="Send me a link">
              <TextField name="email" label="Email address" type="email" autoComplete="username" inputMode="email" />
            </ZodForm>
          </>
        )}
      </div>
    </div>
  )
}
