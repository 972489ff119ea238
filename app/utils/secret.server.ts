// The app's one secret: signs the session cookie and the unsubscribe links in e-mail.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { env } from './env.server'
import { newToken } from './tokens.server'

let cached: string | undefined

/** SESSION_SECRET, or a random secret generated once and kept beside the database file. */
export function appSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  if (cached) return cached
  const file = join(dirname(env.DATABASE_PATH), 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, newToken(), { mode: 0o600 })
  }
  return (cached = readFileSync(file, 'utf8').trim())
}

function signature(purpose: string, value: string): string {
  return createHmac('sha256', appSecret()).update(`${purpose}:${value}`).digest('base64url')
}

/** `value.signature`, an HMAC-SHA256 under the app secret, separated by `purpose` (e.g. 'unsubscribe'). */
export function signValue(purpose: string, value: string): string {
  return `${value}.${signature(purpose, value)}`
}

/** The value of a token made by `signValue` for the same purpose; undefined when forged or altered. */
export function verifySignedValue(purpose: string, token: string): string | undefined {
  const dot = token.lastIndexOf('.')
  if (dot <= 0) return undefined
  const value = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1))
  const expected = Buffer.from(signature(purpose, value))
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined
}
