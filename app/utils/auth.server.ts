// Who is asking, and may they? Guards throw: a redirect to sign in, or a 403 that says what to do instead.
import { json, redirect } from '@remix-run/node'
import type { Role } from '~db/schema'
import { FORGET_FAILURES_AFTER_SECONDS, FREE_ATTEMPTS_PER_CLIENT, secondsToWait, signInKeys } from '~/domain/sign-in-throttle'
import { hasRole } from '~/models/access.server'
import { clearCount, countUp, throttleCounts } from '~/models/throttle.server'
import { findUserForSignIn, getActiveUserById, type SessionUser } from '~/models/user.server'
import { nowInstant } from './dates'
import { getDb } from './db.server'
import { safeRedirect } from './redirect'
import { readFormData } from './request-body.server'
import { ROLE_HOME, ROLE_LABEL, primaryRole } from './roles'
import { decoyHash, verifyPassword } from './password.server'
import { keepForm, takeKeptForm, type KeptFields } from '~/models/kept-form.server'
import { memoForRequest } from './request-memo.server'
import { commitSession, destroySession, getSession, keptFormCookie, keptFormHeader, newSession, ownerOfEndedSession } from './session.server'

export type { SessionUser }

export { safeRedirect }

export { ROLE_HOME, ROLE_LABEL }

/** Refuses state-changing requests that come from another site (belt and braces over SameSite). */
export function assertSameOrigin(request: Request): void {
  if (request.method === 'GET' || request.method === 'HEAD') return
  const origin = request.headers.get('Origin')
  const site = request.headers.get('Sec-Fetch-Site')
  const host = request.headers.get('X-Forwarded-Host') ?? request.headers.get('Host') ?? new URL(request.url).host
  const crossOrigin = origin !== null && (origin === 'null' || hostOf(origin) !== host)
  if (crossOrigin || site === 'cross-site') {
    throw json({ message: 'This form was sent from another website, so it was refused. Go back to Attune and try again.' }, { status: 403 })
  }
}

/** The host of an Origin header, or null when it is not a web address (then it is from nowhere we know). */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/** The signed-in, active person of the request's session, or null; asked once per page view (the root's and the page's loaders share it). */
export function getUser(request: Request): Promise<SessionUser | null> {
  return memoForRequest(request, `user ${request.headers.get('Cookie') ?? ''}`, async () => {
    const session = await getSession(request)
    const userId = session.get('userId')
    if (!userId) return null
    const db = await getDb()
    return (await getActiveUserById(db, userId)) ?? null
  })
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
    throw redirect(`/login?${params}`, token ? { headers: { 'Set-Cookie': await keptFormHeader(token, request) } } : undefined)
  }
  return user
}

/** Keeps the text fields of a form posted after its session ended, for the session's owner. */
async function keepPostedForm(request: Request, path: string): Promise<string | null> {
  const owner = await ownerOfEndedSession(request)
  if (!owner) return null
  // Read within the standard form limits: a body too large to be a form is not kept.
  const form = await readFormData(request).catch(() => null)
  if (!form) return null
  const fields: KeptFields = {}
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue
    const before = fields[name]
    fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value]
  }
  return keepForm(await getDb(), { userId: owner, path, fields })
}

/**
 * The signed-in user holding at least one of `roles` (hasRole, access.server.ts: any of a person's
 * roles will do); else a 403 saying what the page is for.
 */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasRole(user, ...roles)) throw forbidden(user, roles)
  return user
}

export function forbidden(user: SessionUser, roles?: Role[]): Response {
  const forWhom = roles?.length ? ` It is for ${roles.map((r) => ROLE_LABEL[r].toLowerCase() + 's').join(' and ')}.` : ''
  const held = user.roles.map((r) => ROLE_LABEL[r].toLowerCase()).join(', ')
  return json(
    {
      message: `You are signed in as ${user.name} (${held}), and this page is not open to you.${forWhom}`,
      homeHref: ROLE_HOME[primaryRole(user.roles)],
    },
    { status: 403 },
  )
}

export type SignInResult = { ok: true; userId: number } | { ok: false; message: string }

export const WRONG_CREDENTIALS = 'The email address or password is not right. Check both and try again.'

/**
 * Checks an email and password from `client` (its network address, see clientAddress). Failures are
 * counted per client and per client and account (ADR 0012): a client that keeps failing is made to
 * wait, whatever the account and whether or not it exists; everyone else is not.
 */
export async function signIn(email: string, password: string, client: string, now = new Date()): Promise<SignInResult> {
  const db = await getDb()
  const keys = signInKeys(client, email)
  const counts = await throttleCounts(db, [keys.client, keys.clientAndAccount], forgetBefore(now))
  const ofClient = counts.get(keys.client)
  const ofAccount = counts.get(keys.clientAndAccount)
  const wait = Math.max(secondsToWait(ofAccount?.count ?? 0, ofAccount?.lastAt ?? null, now), secondsToWait(ofClient?.count ?? 0, ofClient?.lastAt ?? null, now, FREE_ATTEMPTS_PER_CLIENT))
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60)
    return { ok: false, message: `Too many attempts that did not work. Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.` }
  }
  const user = await findUserForSignIn(db, email)
  const usable = user && user.password_hash && !user.deactivated_at ? user : null
  // An unknown account costs the same time as a known one, so timing does not tell them apart.
  const right = await verifyPassword(password, usable?.password_hash ?? (await decoyHash()))
  if (!usable || !right) {
    await countUp(db, [keys.client, keys.clientAndAccount], now, forgetBefore(now))
    return { ok: false, message: WRONG_CREDENTIALS }
  }
  await clearCount(db, keys.clientAndAccount)
  return { ok: true, userId: usable.id }
}

function forgetBefore(now: Date): Date {
  return new Date(now.getTime() - FORGET_FAILURES_AFTER_SECONDS * 1000)
}

export async function createUserSession(request: Request, userId: number, redirectTo: string): Promise<Response> {
  const previous = await getSession(request)
  if (previous.id) await destroySession(previous, request)
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
    headers.append('Set-Cookie', await keptFormHeader('', request, { maxAge: 0 }))
  }
  headers.append('Set-Cookie', await commitSession(session, request))
  return redirect(redirectTo, { headers })
}

export async function signOut(request: Request): Promise<Response> {
  const session = await getSession(request)
  return redirect('/login', { headers: { 'Set-Cookie': await destroySession(session, request) } })
}
