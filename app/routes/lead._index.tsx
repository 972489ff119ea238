import { json, type LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireRole } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'lead')
  return json({ name: user.name })
}

export default function LeadHome() {
  const { name } = useLoaderData<typeof loader>()
  return <h1>Programmes, {name}</h1>
}
