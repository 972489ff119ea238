// Public: the one-time link e-mailed to someone a programme lead added, or to someone who asked
// to reset their password. A wrong, used or expired link gets one
// message, so the page says nothing about which links exist.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { findPasswordLink, setPasswordWithLink } from '~/models/people.server'
import { SetPasswordSchema } from '~/schemas/person'
import { assertSameOrigin } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm } from '~/utils/forms.server'
import { FORM_LIMITS } from '~/utils/limits'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Set your password – Attune' }, { name: 'referrer', content: 'no-referrer' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findPasswordLink(await getDb(), params.token ?? '')
  return json(link ? { valid: true as const, name: link.name, email: link.email } : { valid: false as const })
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, SetPasswordSchema, FORM_LIMITS.signIn)
  // Never send a password back to the page.
  if (!parsed.ok) return invalid({ ...parsed.failure, values: {} })
  const db = await getDb()
  const done = await db.transaction().execute((trx) => setPasswordWithLink(trx, params.token ?? '', parsed.data.password))
  if (!done) return json({ ok: false as const, values: {}, fieldErrors: {}, formError: LINK_NOT_VALID })
  return redirectWithFlash(request, '/login', 'Your password is set. Sign in with your email address and new password.')
}

const LINK_NOT_VALID = 'This link does not work: it may have expired or been used already. Ask for a new one with “Forgotten your password?” on the sign-in page, or ask your programme lead.'

export default function SetPassword() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-one-half">
        <h1>Set your password</h1>
        {data.valid ? (
          <>
            <p>
              Hello {data.name}. Choose a password for signing in to Attune as <strong>{data.email}</strong>.
            </p>
            <ZodForm schema={SetPasswordSchema} defaultValues={{ password: '', confirmPassword: '' }} failure={failure} submitLabel="Set password">
              <input type="text" name="username" value={data.email} autoComplete="username" readOnly hidden />
              <TextField name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters. A few unrelated words make a strong password." />
              <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" />
            </ZodForm>
          </>
        ) : (
          <>
            <p>{LINK_NOT_VALID}</p>
            <p>
              <Link to="/login">Go to sign in</Link>
            </p>
          </>
        )}
      </div>
    </div>
  )
}
