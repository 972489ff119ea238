// Calling route loaders and actions as the browser would: real Requests, real cookies.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { TEST_PASSWORD } from './factories'

const ORIGIN = 'http://localhost'

export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string, origin = ORIGIN): Request {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  return new Request(ORIGIN + path, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
  })
}

/** A multipart form, as a browser sends a file upload. */
export function uploadRequest(path: string, fields: Record<string, string | File>, cookie?: string): Request {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) body.append(key, value)
  return new Request(ORIGIN + path, { method: 'POST', body, headers: { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) } })
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(ORIGIN + path, { headers: cookie ? { Cookie: cookie } : {} })
}

/** `client` is the network address the server would put in the load context (see app/utils/client.server.ts). */
export function args(request: Request, params: Record<string, string> = {}, client?: string): LoaderFunctionArgs & ActionFunctionArgs {
  return { request, params, context: client ? { clientAddress: client } : {} }
}

/** Runs a loader/action, returning the thrown Response too (guards throw redirects and 403s). */
export async function run(fn: (a: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>, request: Request, params: Record<string, string> = {}, client?: string): Promise<Response> {
  try {
    const result = await fn(args(request, params, client))
    if (result instanceof Response) return result
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get('Set-Cookie')
  if (!setCookie) throw new Error('The response set no cookie')
  return setCookie.split(';')[0]
}

/** Signs in through the real sign-in action and returns the session cookie. */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const { action } = await import('~/routes/login')
  const response = await run(action, formRequest('/login', { email, password }))
  if (response.status !== 302) throw new Error(`Sign-in failed for ${email}: ${response.status}`)
  return cookieFrom(response)
}
