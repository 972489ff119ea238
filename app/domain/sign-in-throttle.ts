// Slowing down guessing without handing anyone a way to lock real people out (ADR 0012).
//
// Failed sign-ins are counted per client (its network address) and per client and account, never
// per account alone: a client that keeps failing slows only itself, and the real person, signing in
// from a client that has not been failing, is never held up. The counts do not depend on whether the
// account exists, so the answers are the same for known and unknown addresses.
// The first few mistakes cost nothing, then each further failure doubles the wait (30 s, 1 min,
// 2 min ...), capped at 15 minutes; a client quiet for a day starts again from nothing.
export const FREE_ATTEMPTS = 5
/** A client trying many accounts (a shared office address included) gets more room before waiting. */
export const FREE_ATTEMPTS_PER_CLIENT = 20
const BASE_SECONDS = 30
const MAX_SECONDS = 15 * 60
/** Failures older than this are forgotten. */
export const FORGET_FAILURES_AFTER_SECONDS = 24 * 60 * 60

/** Certificate checks at /verify: at most this many per client per minute (a person checks a few). */
export const VERIFY_CHECKS_PER_MINUTE = 30

/** Seconds the client must still wait before its next attempt is checked (0 = go ahead). */
export function secondsToWait(failures: number, lastFailedAt: Date | null, now: Date, freeAttempts = FREE_ATTEMPTS): number {
  if (failures < freeAttempts || !lastFailedAt) return 0
  const wait = Math.min(BASE_SECONDS * 2 ** Math.min(failures - freeAttempts, 10), MAX_SECONDS)
  const elapsed = (now.getTime() - lastFailedAt.getTime()) / 1000
  return Math.max(0, Math.ceil(wait - elapsed))
}

/** The throttling keys of one sign-in attempt: the client, and the client with the account. */
export function signInKeys(client: string, email: string): { client: string; clientAndAccount: string } {
  return { client: `sign-in|${client}`, clientAndAccount: `sign-in|${client}|${email.trim().toLowerCase()}` }
}
