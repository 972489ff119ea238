import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { ROLE_HOME, getUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return redirect(user ? ROLE_HOME[user.role] : '/login')
}
