// Throttling counts in the database (table `throttles`, ADR 0012), so that every server process
// agrees. The rules (how many, how long) are in app/domain/sign-in-throttle.ts.
import { json } from '@remix-run/node'
import { VERIFY_CHECKS_PER_MINUTE } from '~/domain/sign-in-throttle'
import type { Db } from './db-types'

export interface ThrottleCount {
  count: number
  /** When the count last grew (ISO instant). */
  lastAt: Date
}

/** The counts under `keys` (missing keys have none), forgetting those whose window started before `forgetBefore`. */
export async function throttleCounts(db: Db, keys: string[], forgetBefore: Date): Promise<Map<string, ThrottleCount>> {
  const rows = await db.selectFrom('throttles').select(['key', 'count', 'last_at']).where('key', 'in', keys).where('window_started_at', '>=', forgetBefore.toISOString()).execute()
  return new Map(rows.map((r) => [r.key, { count: r.count, lastAt: new Date(r.last_at) }]))
}

/**
 * Adds one to the count under each key and returns the new counts. A count whose window started
 * before `windowStart` starts again at one (the window then starts `now`).
 */
export async function countUp(db: Db, keys: string[], now: Date, windowStart: Date): Promise<Map<string, number>> {
  const at = now.toISOString()
  const counts = new Map<string, number>()
  for (const key of keys) {
    const row = await db
      .insertInto('throttles')
      .values({ key, count: 1, window_started_at: at, last_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('throttles.window_started_at', '<', windowStart.toISOString())
            .then(1)
            .else(eb('throttles.count', '+', 1))
            .end(),
          window_started_at: eb.case().when('throttles.window_started_at', '<', windowStart.toISOString()).then(at).else(eb.ref('throttles.window_started_at')).end(),
          last_at: at,
        })),
      )
      .returning('count')
      .executeTakeFirstOrThrow()
    counts.set(key, row.count)
  }
  return counts
}

/** Forgets the count under `key` (a successful sign-in clears its client-and-account count). */
export async function clearCount(db: Db, key: string): Promise<void> {
  await db.deleteFrom('throttles').where('key', '=', key).execute()
}

/**
 * Counts a certificate check from `client`; throws a 429 answer once the client has made more than
 * VERIFY_CHECKS_PER_MINUTE in the current minute, so certificate numbers cannot be guessed at speed.
 */
export async function limitVerifyChecks(db: Db, client: string, now = new Date()): Promise<void> {
  const key = `verify|${client}`
  const count = (await countUp(db, [key], now, new Date(now.getTime() - 60_000))).get(key)!
  if (count > VERIFY_CHECKS_PER_MINUTE) {
    throw json({ message: 'You have checked many certificates in a short time. Wait a minute, then try again.' }, { status: 429, headers: { 'Retry-After': '60' } })
  }
}
