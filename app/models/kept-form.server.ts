// Forms posted after their session ended: kept for their owner, put back after they sign in again
// (issue 10, "nothing typed is ever lost"). Only the form's text fields are kept, never files.
import { addDays, nowInstant } from '~/utils/dates'
import { hashToken, newToken } from '~/utils/tokens.server'
import type { Db } from './db-types'

/** How long kept text waits for its owner to sign in again. */
export const KEPT_FORM_DAYS = 7
/** Larger posts (an import's whole file) are not kept: they can be chosen again. */
export const KEPT_FORM_MAX_CHARACTERS = 100_000

export type KeptFields = Record<string, string | string[]>

/**
 * Keeps `fields` posted to `path` for user `userId`; returns the token for the browser's cookie,
 * or null when there is nothing to keep or too much.
 */
export async function keepForm(db: Db, input: { userId: number; path: string; fields: KeptFields }, now = new Date()): Promise<string | null> {
  const fields = JSON.stringify(input.fields)
  if (Object.keys(input.fields).length === 0 || fields.length > KEPT_FORM_MAX_CHARACTERS) return null
  const token = newToken()
  const keptAt = nowInstant(now)
  await db.deleteFrom('kept_forms').where('expires_at', '<', keptAt).execute()
  await db
    .insertInto('kept_forms')
    .values({ token_hash: hashToken(token), user_id: input.userId, path: input.path, fields, kept_at: keptAt, expires_at: `${addDays(keptAt.slice(0, 10), KEPT_FORM_DAYS)}T00:00:00.000Z` })
    .execute()
  return token
}

/** Takes (and deletes) what was kept under `token`, if it is `userId`'s and still wanted. */
export async function takeKeptForm(db: Db, token: string, userId: number, now = new Date()): Promise<{ path: string; fields: KeptFields } | null> {
  const row = await db
    .deleteFrom('kept_forms')
    .where('token_hash', '=', hashToken(token))
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowInstant(now))
    .returning(['path', 'fields'])
    .executeTakeFirst()
  return row ? { path: row.path, fields: JSON.parse(row.fields) as KeptFields } : null
}
