import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireRole } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  return json({ name: user.name })
}

export default function SupervisorHome() {
  const { name } = useLoaderData<typeof loader>()
  return <h1>My trainees, {name}</h1>
}
