// Risk flags as people read them: severity in words as well as colour, the reason with its
// numbers, the next step, and who must act.
import { Link } from '@remix-run/react'
import type { FlagsAtAGlance } from '~/domain/dashboard'
import type { Flag } from '~/domain/risk'

const ACTOR: Record<Flag['actor'], string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  accreditor: 'External accreditor',
  lead: 'Programme lead',
}

export function SeverityTag({ severity }: { severity: Flag['severity'] }) {
  return <strong className={`nhsuk-tag ${severity === 'red' ? 'nhsuk-tag--red' : 'nhsuk-tag--orange'}`}>{severity === 'red' ? 'Red' : 'Amber'}</strong>
}

export function FlagList({ flags, showActor = true, children }: { flags: Flag[]; showActor?: boolean; children?: (flag: Flag) => React.ReactNode }) {
  if (flags.length === 0) return <p>No flags: nothing is holding this training up.</p>
  return (
    <ul className="nhsuk-list">
      {flags.map((flag) => (
        <li key={flag.code} className="nhsuk-card nhsuk-u-margin-bottom-3">
          <div className="nhsuk-card__content">
            <p className="nhsuk-u-margin-bottom-2">
              <SeverityTag severity={flag.severity} /> {flag.reason}
            </p>
            <p className="nhsuk-u-margin-bottom-2">
              <strong>Next step{showActor ? ` (${ACTOR[flag.actor].toLowerCase()})` : ''}:</strong> {flag.nextStep}
            </p>
            {children?.(flag)}
          </div>
        </li>
      ))}
    </ul>
  )
}

/** A table cell's worth: how many flags of each colour, the first reason, and a link to the rest. */
export function FlagCell({ flags, href, name }: { flags: FlagsAtAGlance; href: string; name: string }) {
  const { red, amber, firstReason } = flags
  if (firstReason === null) return <>None</>
  return (
    <>
      {red ? <strong className="nhsuk-tag nhsuk-tag--red">{red} red</strong> : null} {amber ? <strong className="nhsuk-tag nhsuk-tag--orange">{amber} amber</strong> : null}
      <br />
      <span className="nhsuk-body-s">{firstReason}</span>
      <br />
      <Link to={href}>
        Reasons and concerns<span className="nhsuk-u-visually-hidden"> for {name}</span>
      </Link>
    </>
  )
}
