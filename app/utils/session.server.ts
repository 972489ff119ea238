// Sessions live in the database (table `sessions`) behind a signed, HttpOnly, SameSite=Lax cookie.
// The cookie carries only the random session id; sign-out deletes the row.
import { createCookie, createSessionStorage, redirect, type Session } from '@remix-run/node'
import { getDb } from './db.server'
import { nowInstant } from './dates'
import { env } from './env.server'
import { appSecret } from './secret.server'
import { newToken } from './tokens.server'

export const SESSION_HOURS = 12

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
}
interface FlashData {
  flash: string
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
    const row = await db
      .selectFrom('sessions')
      .select('data')
      .where('id', '=', id)
      .where('expires_at', '>', nowInstant())
      .executeTakeFirst()
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

export function getSession(request: Request): Promise<AppSession> {
  return storage.getSession(request.headers.get('Cookie'))
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

/** Reads the one-off message, if any; the Set-Cookie header must go out with the response. */
export async function popFlash(request: Request): Promise<{ flash: string | null; headers?: HeadersInit }> {
  const session = await getSession(request)
  const flash = session.get('flash') ?? null
  if (!flash) return { flash: null }
  return { flash, headers: { 'Set-Cookie': await commitSession(session, request) } }
}
