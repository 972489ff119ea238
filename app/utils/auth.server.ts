// Who is asking, and may they? Guards throw: a redirect to sign in, or a 403 that says what to do instead.
import { json, redirect } from '@remix-run/node'
import type { Role } from '../../db/schema'
import { secondsToWait } from '../domain/sign-in-throttle'
import {
  findUserForSignIn,
  getActiveUserById,
  recordFailedSignIn,
  recordSuccessfulSignIn,
  type SessionUser,
} from '../models/user.server'
import { getDb } from './db.server'
import { ROLE_HOME, ROLE_LABEL } from './roles'
import { nowInstant } from './dates'
import { decoyHash, verifyPassword } from './password.server'
import { keepForm, takeKeptForm, type KeptFields } from '../models/kept-form.server'
import { commitSession, destroySession, getSession, keptFormCookie, newSession, ownerOfEndedSession } from './session.server'

export type { SessionUser }

export { ROLE_HOME, ROLE_LABEL }

/** Refuses state-changing requests that come from another site (belt and braces over SameSite). */
export function assertSameOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return
  const origin = request.headers.get('Origin')
  const site = request.headers.get('Sec-Fetch-Site')
  const host = request.headers.get('X-Forwarded-Host') ?? request.headers.get('Host') ?? new URL(request.url).host
  const crossOrigin = origin !== null && origin !== 'null' ? new URL(origin).host !== host : origin === 'null'
  if (crossOrigin || site === 'cross-site') {
    throw json({ message: 'This form was sent from another website, so it was refused. Go back to Attune and try again.' }, { status: 403 })
  }
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const session = await getSession(request)
  const userId = session.get('userId')
  if (!userId) return null
  const db = await getDb()
  return (await getActiveUserById(db, userId)) ?? null
}

export async function requireUser(request: Request): Promise<SessionUser> {
  assertSameOrigin(request)
  const user = await getUser(request)
  if (!user) {
    const url = new URL(request.url)
    const params = new URLSearchParams({ redirectTo: url.pathname + url.search })
    if (request.method !== 'POST') throw redirect(`/login?${params}`)
    // A form sent after the session ended: keep what was typed for its owner, to put back after sign-in.
    const token = await keepPostedForm(request, url.pathname + url.search)
    params.set('kept', token ? '1' : '0')
    throw redirect(`/login?${params}`, token ? { headers: { 'Set-Cookie': await keptFormCookie.serialize(token) } } : undefined)
  }
  return user
}

/** Keeps the text fields of a form posted after its session ended, for the session's owner. */
async function keepPostedForm(request: Request, path: string): Promise<string | null> {
  const owner = await ownerOfEndedSession(request)
  if (!owner) return null
  const form = await request
    .clone()
    .formData()
    .catch(() => null)
  if (!form) return null
  const fields: KeptFields = {}
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue
    const before = fields[name]
    fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value]
  }
  return keepForm(await getDb(), { userId: owner, path, fields })
}

export async function requireRole<R extends Role>(request: Request, ...roles: R[]): Promise<SessionUser & { role: R }> {
  const user = await requireUser(request)
  if (!roles.includes(user.role as R)) throw forbidden(user, roles)
  return user as SessionUser & { role: R }
}

export function forbidden(user: SessionUser, roles?: Role[]): Response {
  const forWhom = roles?.length ? ` It is for ${roles.map((r) => ROLE_LABEL[r].toLowerCase() + 's').join(' and ')}.` : ''
  return json(
    {
      message: `You are signed in as ${user.name} (${ROLE_LABEL[user.role].toLowerCase()}), and this page is not open to you.${forWhom}`,
      homeHref: ROLE_HOME[user.role],
    },
    { status: 403 },
  )
}

export type SignInResult = { ok: true; userId: number } | { ok: false; message: string }

export const WRONG_CREDENTIALS = 'The email address or password is not right. Check both and try again.'

export async function signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
  const db = await getDb()
  const user = await findUserForSignIn(db, email)
  if (!user || !user.password_hash || user.deactivated_at) {
    await verifyPassword(password, await decoyHash())
    return { ok: false, message: WRONG_CREDENTIALS }
  }
  const wait = secondsToWait(user.failed_logins, user.last_failed_login_at ? new Date(user.last_failed_login_at) : null, now)
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60)
    return { ok: false, message: `Too many attempts that did not work. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.` }
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    await recordFailedSignIn(db, user.id, nowInstant(now))
    return { ok: false, message: WRONG_CREDENTIALS }
  }
  await recordSuccessfulSignIn(db, user.id)
  return { ok: true, userId: user.id }
}

export async function createUserSession(request: Request, userId: number, redirectTo: string): Promise<Response> {
  const previous = await getSession(request)
  if (previous.id) await destroySession(previous)
  const session = await newSession()
  session.set('userId', userId)
  session.set('renewedAt', nowInstant())
  const headers = new Headers()
  // What they typed before their session ended goes back into the form they were on.
  const token = await keptFormCookie.parse(request.headers.get('Cookie'))
  if (typeof token === 'string') {
    const kept = await takeKeptForm(await getDb(), token, userId)
    if (kept) {
      session.flash('keptForm', kept)
      session.flash('flash', 'You were signed out before your work was saved. What you typed has been put back below: check it and save it.')
      redirectTo = kept.path
    }
    headers.append('Set-Cookie', await keptFormCookie.serialize('', { maxAge: 0 }))
  }
  headers.append('Set-Cookie', await commitSession(session))
  return redirect(redirectTo, { headers })
}

export async function signOut(request: Request): Promise<Response> {
  const session = await getSession(request)
  return redirect('/login', { headers: { 'Set-Cookie': await destroySession(session) } })
}

/** Only same-site paths: never send someone to another website after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
