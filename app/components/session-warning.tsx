// Where JavaScript runs: a warning a few minutes before the session ends, with a button that keeps
// it alive (any request renews it: see readPageSession). Without JavaScript, a form sent after the
// session ended is kept and put back after signing in again (utils/auth.server.ts).
import { useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { formatInstant } from '~/utils/dates'

/** Minutes before the end of the session when the warning shows. */
export const WARN_MINUTES = 5

export function SessionWarning({ endsAt }: { endsAt: string }) {
  const [warn, setWarn] = useState(false)
  const fetcher = useFetcher()
  useEffect(() => {
    setWarn(false)
    const wait = Date.parse(endsAt) - WARN_MINUTES * 60_000 - Date.now()
    if (wait <= 0) {
      setWarn(true)
      return
    }
    // Timers longer than about 24 days overflow; sessions are hours long.
    const timer = setTimeout(() => setWarn(true), Math.min(wait, 2 ** 31 - 1))
    return () => clearTimeout(timer)
  }, [endsAt])
  if (!warn) return null
  return (
    <div className="nhsuk-warning-callout" role="alert">
      <h2 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>You will be signed out soon
        </span>
      </h2>
      <p>For your security, you will be signed out at {formatInstant(endsAt).split(', ')[1]} unless you carry on. Save your work, or stay signed in.</p>
      <fetcher.Form method="post" action="/session">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0">
          Stay signed in
        </button>
      </fetcher.Form>
    </div>
  )
}
