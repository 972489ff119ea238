// Warnings about implausible evidence (app/domain/plausibility.ts): shown to the trainee beside the
// record they logged and to the supervisor beside the session to confirm. A warning, never a refusal.
import { WarningCallout } from '~/components/warning-callout'
import type { ImplausibleEvidence } from '~/domain/plausibility'

/** Nothing when there are no warnings; otherwise one callout listing each day's warning. */
export function ImplausibleEvidenceWarning({ warnings, level = 2, advice }: { warnings: ImplausibleEvidence[]; level?: 2 | 3; advice: string }) {
  if (warnings.length === 0) return null
  return (
    <WarningCallout title="Please check this day" level={level}>
      {warnings.map((w) => (
        <p key={`${w.date}-${w.kind}`}>{w.message}</p>
      ))}
      <p>{advice}</p>
    </WarningCallout>
  )
}
