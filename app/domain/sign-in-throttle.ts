// Slowing down repeated failed sign-ins for one account: the first few mistakes cost nothing, then
// each further failure doubles the wait (30 s, 1 min, 2 min ...), capped at 15 minutes.
export const FREE_ATTEMPTS = 5
const BASE_SECONDS = 30
const MAX_SECONDS = 15 * 60

/** Seconds the account must still wait before the next attempt is checked (0 = go ahead). */
export function secondsToWait(failedLogins: number, lastFailedAt: Date | null, now: Date): number {
  if (failedLogins < FREE_ATTEMPTS || !lastFailedAt) return 0
  const wait = Math.min(BASE_SECONDS * 2 ** (failedLogins - FREE_ATTEMPTS), MAX_SECONDS)
  const elapsed = (now.getTime() - lastFailedAt.getTime()) / 1000
  return Math.max(0, Math.ceil(wait - elapsed))
}
