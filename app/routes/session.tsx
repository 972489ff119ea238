// "Stay signed in": a signed-in person's request renews their session (the root loader does it as
// the page revalidates after this action).
import { json, type ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/utils/auth.server'

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
  return json({ ok: true })
}
