// Where JavaScript runs: a warning a few minutes before the session ends, with a button that keeps
// it alive (any request renews it: see readPageSession). Without JavaScript, a form sent after the
// session ended is kept and put back after signing in again (utils/auth.server.ts).
import { WarningCallout } from './warning-callout'
import { useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { formatInstant } from '~/utils/dates'

/** Minutes before the end of the session when the warning shows. */
export const WARN_MINUTES = 5

export function SessionWarning({ endsAt }: { endsAt: string }) {
  // The session end the warning was raised for: a renewed session (a later endsAt) hides it again.
  const [warnedFor, setWarnedFor] = useState<string | null>(null)
  const fetcher = useFetcher()
  useEffect(() => {
    const wait = Math.max(0, Date.parse(endsAt) - WARN_MINUTES * 60_000 - Date.now())
    // Timers longer than about 24 days overflow; sessions are hours long.
    const timer = setTimeout(() => setWarnedFor(endsAt), Math.min(wait, 2 ** 31 - 1))
    return () => clearTimeout(timer)
  }, [endsAt])
  const warn = warnedFor === endsAt
  if (!warn) return null
  return (
    <WarningCallout title="You will be signed out soon" alert>
      <p>For your security, you will be signed out at {formatInstant(endsAt).split(', ')[1]} unless you carry on. Save your work, or stay signed in.</p>
      <fetcher.Form method="post" action="/session">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0">
          Stay signed in
        </button>
      </fetcher.Form>
    </WarningCallout>
  )
}
