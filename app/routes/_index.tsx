import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { ROLE_HOME, getUser } from '~/utils/auth.server'
import { primaryRole } from '~/utils/roles'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return redirect(user ? ROLE_HOME[primaryRole(user.roles)] : '/login')
}
