// The NHS.UK warning callout: something a person must not miss (a revoked certificate, a requirement
// not yet met). One component, so every callout reads the same to a screen reader.
import type { ReactNode } from 'react'

/**
 * A warning callout titled `title`; its heading is an h2 unless the page's outline needs an h3.
 * `alert` announces it at once (role=alert), for a callout that appears while the page is open.
 */
export function WarningCallout({ title, level = 2, alert = false, children }: { title: string; level?: 2 | 3; alert?: boolean; children: ReactNode }) {
  const Heading = level === 3 ? 'h3' : 'h2'
  return (
    <div className="nhsuk-warning-callout" role={alert ? 'alert' : undefined}>
      <Heading className="nhsuk-warning-callout__label">
        {/* role="text" is NHS.UK frontend's own markup: VoiceOver reads "Important: title" as one
            phrase. It is not an ARIA 1.2 role, hence the one exception to jsx-a11y/aria-role. */}
        {/* eslint-disable-next-line jsx-a11y/aria-role */}
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {title}
        </span>
      </Heading>
      {children}
    </div>
  )
}
