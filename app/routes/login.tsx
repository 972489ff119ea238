import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { WarningCallout } from '~/components/warning-callout'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { SignInSchema } from '~/schemas/sign-in'
import { ROLE_HOME, assertSameOrigin, createUserSession, getUser, safeRedirect, signIn } from '~/utils/auth.server'
import { clientAddress } from '~/utils/client.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm } from '~/utils/forms.server'
import { FORM_LIMITS } from '~/utils/limits'
import { getActiveUserById } from '~/models/user.server'
import { primaryRole } from '~/utils/roles'

export const meta: MetaFunction = () => [{ title: 'Sign in – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(ROLE_HOME[primaryRole(user.roles)])
  return json({})
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, SignInSchema, FORM_LIMITS.signIn)
  if (!parsed.ok) return invalid(parsed.failure)
  const { email, password, redirectTo } = parsed.data
  const result = await signIn(email, password, clientAddress(context))
  // Never send the password back to the page.
  const values = { email, redirectTo }
  if (!result.ok) return invalid({ values, fieldErrors: {}, formError: result.message })
  const user = await getActiveUserById(await getDb(), result.userId)
  return createUserSession(request, result.userId, safeRedirect(redirectTo, ROLE_HOME[primaryRole(user!.roles)]))
}

export default function SignIn() {
  const failure = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-one-half">
        <h1>Sign in to Attune</h1>
        {params.has('kept') ? (
          <WarningCallout title="You were signed out" alert>
            <p>
              {params.get('kept') === '1'
                ? 'Your session ended before your work was saved. What you typed has been kept: sign in again and it will be put back for you to check and save.'
                : 'Your session ended before your work was saved. Sign in again to carry on.'}
            </p>
          </WarningCallout>
        ) : (
          <p className="nhsuk-lede-text">Track VIG training from the first cycle to accreditation.</p>
        )}
        <ZodForm schema={SignInSchema} defaultValues={{ email: '', password: '', redirectTo: params.get('redirectTo') ?? '' }} failure={failure} submitLabel="Sign in">
          <TextField name="email" label="Email address" type="email" autoComplete="username" inputMode="email" />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" />
          <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        </ZodForm>
        <p>
          <Link to="/forgot-password">Forgotten your password?</Link>
        </p>
      </div>
    </div>
  )
}
