// Sessions live in the database (table `sessions`) behind a signed, HttpOnly, SameSite=Lax cookie.
// The cookie carries only the random session id; sign-out deletes the row. A session lasts
// SESSION_HOURS from the person's last activity: any page they open renews it (at most every few
// minutes), and the page warns before it ends (components/session-warning.tsx).
import { memoForRequest } from './request-memo.server'
import { createCookie, createSessionStorage, redirect, type Session } from '@remix-run/node'
import type { Role } from '~db/schema'
import { getDb } from './db.server'
import { nowInstant } from './dates'
import { env } from './env.server'
import { appSecret } from './secret.server'
import { newToken } from './tokens.server'

export const SESSION_HOURS = 12
/** Pages opened within this many minutes of the last renewal do not renew again (one write, not one per request). */
const RENEW_AFTER_MINUTES = 5

const cookie = createCookie('attune_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env.SECURE_COOKIES ?? env.PUBLIC_BASE_URL.startsWith('https:'),
  secrets: [appSecret()],
  maxAge: SESSION_HOURS * 60 * 60,
})

interface SessionData {
  userId: number
  /** When the session was last renewed (an instant): it ends SESSION_HOURS after. */
  renewedAt: string
  /** The role the person was last using the app in, for someone holding several (ADR 0018). */
  role: Role
}
/** A form put back after signing in again: where it was posted, and its fields. */
export interface KeptFormData {
  path: string
  fields: Record<string, string | string[]>
}
interface FlashData {
  flash: string
  keptForm: KeptFormData
}

const storage = createSessionStorage<SessionData, FlashData>({
  cookie,
  async createData(data, expires) {
    const db = await getDb()
    const id = newToken()
    await db
      .insertInto('sessions')
      .values({ id, user_id: data.userId ?? null, data: JSON.stringify(data), expires_at: (expires ?? new Date()).toISOString() })
      .execute()
    return id
  },
  async readData(id) {
    const db = await getDb()
    const row = await db.selectFrom('sessions').select('data').where('id', '=', id).where('expires_at', '>', nowInstant()).executeTakeFirst()
    return row ? JSON.parse(row.data) : null
  },
  async updateData(id, data, expires) {
    const db = await getDb()
    await db
      .updateTable('sessions')
      .set({ data: JSON.stringify(data), user_id: data.userId ?? null, expires_at: (expires ?? new Date()).toISOString() })
      .where('id', '=', id)
      .execute()
  },
  async deleteData(id) {
    const db = await getDb()
    await db.deleteFrom('sessions').where('id', '=', id).execute()
  },
})

export type AppSession = Session<SessionData, FlashData>

/** The request's session; read once per page view, the root's and the page's loaders sharing it (ADR 0023). */
export function getSession(request: Request): Promise<AppSession> {
  const cookieHeader = request.headers.get('Cookie')
  return memoForRequest(request, `session ${cookieHeader ?? ''}`, () => storage.getSession(cookieHeader))
}

/**
 * Whether the request reached us over https, directly or through a proxy that says so
 * (X-Forwarded-Proto). Only ever adds the Secure flag: a forged header harms no one else.
 */
export function overHttps(request: Request): boolean {
  const forwarded = request.headers.get('X-Forwarded-Proto')?.split(',')[0].trim().toLowerCase()
  return new URL(request.url).protocol === 'https:' || forwarded === 'https'
}

/** The Set-Cookie header for `session`; Secure when configured so or when the request came over https. */
export function commitSession(session: AppSession, request: Request): Promise<string> {
  return storage.commitSession(session, overHttps(request) ? { secure: true } : {})
}

export function destroySession(session: AppSession, request: Request): Promise<string> {
  return storage.destroySession(session, overHttps(request) ? { secure: true } : {})
}

/** A fresh session (new id) so a session id seen before sign-in is never reused after it. */
export function newSession(): Promise<AppSession> {
  return storage.getSession(null)
}

/** Redirects and shows a one-off confirmation on the next page ("Cycle saved"). */
export async function redirectWithFlash(request: Request, to: string, message: string): Promise<Response> {
  const session = await getSession(request)
  session.flash('flash', message)
  return redirect(to, { headers: { 'Set-Cookie': await commitSession(session, request) } })
}

/**
 * What every page needs from the session: its one-off message, a form to put back after signing in
 * again, and when the session ends (an instant, null when signed out). Renews a signed-in session
 * when its last renewal is more than RENEW_AFTER_MINUTES old, so activity keeps it alive.
 */
export async function readPageSession(request: Request, now = new Date(), areaRole: Role | null = null) {
  const session = await getSession(request)
  // The role of the last area of the app the person was in (ADR 0018), for pages that belong to no one role.
  const remember = areaRole !== null && session.get('role') !== areaRole
  if (remember) session.set('role', areaRole)
  const rememberedRole: Role | null = session.get('role') ?? null
  const flash = session.get('flash') ?? null
  const keptForm = session.get('keptForm') ?? null
  const signedIn = Boolean(session.get('userId'))
  const renewedAt = session.get('renewedAt')
  const renew = signedIn && (!renewedAt || now.getTime() - Date.parse(renewedAt) > RENEW_AFTER_MINUTES * 60_000)
  if (renew) session.set('renewedAt', nowInstant(now))
  const last = session.get('renewedAt')
  const endsAt = signedIn && last ? new Date(Date.parse(last) + SESSION_HOURS * 3_600_000).toISOString() : null
  const headers = flash || keptForm || renew || remember ? { 'Set-Cookie': await commitSession(session, request) } : undefined
  return { flash, keptForm, endsAt, headers, rememberedRole }
}

/** The person whose session the request's cookie names, even if it has ended (null when unknown). */
export async function ownerOfEndedSession(request: Request): Promise<number | null> {
  const id = await cookie.parse(request.headers.get('Cookie'))
  if (typeof id !== 'string') return null
  const db = await getDb()
  const row = await db.selectFrom('sessions').select('user_id').where('id', '=', id).executeTakeFirst()
  return row?.user_id ?? null
}

/** Holds the token of a form kept after its session ended, until its owner signs in again. */
export const keptFormCookie = createCookie('attune_kept_form', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure: env.SECURE_COOKIES ?? env.PUBLIC_BASE_URL.startsWith('https:'),
  secrets: [appSecret()],
  maxAge: 7 * 24 * 60 * 60,
})

/**
 * The Set-Cookie header holding a kept form's `token` ('' with `maxAge: 0` clears it); Secure, as the
 * session cookie is, when configured so or when the request came over https.
 */
export function keptFormHeader(token: string, request: Request, options: { maxAge?: number } = {}): Promise<string> {
  return keptFormCookie.serialize(token, { ...options, ...(overHttps(request) ? { secure: true } : {}) })
}
