// A stage's readiness at a glance: every requirement of the rule set with its progress, and what is
// still missing. Takes only the domain's StageReadiness, so every page that judges a stage (the
// trainee's own, a supervisor's sign-off) shows the same thing.
import { formatHours, type Requirement, type StageReadiness } from '~/domain/readiness'

/** `provisional`: the stage opened while the one before waits for accreditation (ADR 0016). */
export function StageReadinessPanel({ readiness, headingLevel = 2, provisional = false }: { readiness: StageReadiness; headingLevel?: 2 | 3; provisional?: boolean }) {
  const Heading = `h${headingLevel}` as const
  const id = `readiness-${readiness.stageNumber}`
  return (
    <section className="nhsuk-card" aria-labelledby={`${id}-heading`}>
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading" id={`${id}-heading`}>
          {readiness.ready ? `${readiness.stageName}: ready for sign-off` : `Still to do for ${readiness.stageName}`}
          {provisional ? (
            <>
              {' '}
              <strong className="nhsuk-tag nhsuk-tag--grey">Provisional</strong>
            </>
          ) : null}
        </Heading>
        {readiness.ready && provisional ? (
          <p>
            <strong className="nhsuk-tag nhsuk-tag--green">Requirements met</strong> Every requirement of {readiness.stageName} is met. It can be signed off once the stage before it is
            accredited.
          </p>
        ) : readiness.ready ? (
          <p>
            <strong className="nhsuk-tag nhsuk-tag--green">Ready for sign-off</strong> Every requirement of {readiness.stageName} is met. Your supervisor can now arrange your end-of-stage
            meeting.
          </p>
        ) : null}
        <ul className="nhsuk-list app-requirements">
          {readiness.requirements.map((requirement) => (
            <RequirementRow key={requirement.key} requirement={requirement} id={`${id}-${requirement.key}`} />
          ))}
        </ul>
        {readiness.missing.length > 0 ? (
          <>
            <Heading className="nhsuk-heading-s">Still to do</Heading>
            <ul className="nhsuk-list nhsuk-list--bullet">
              {readiness.missing.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  )
}

function RequirementRow({ requirement, id }: { requirement: Requirement; id: string }) {
  const { label, unit, done, pending, required, met } = requirement
  const progress = describe(requirement)
  return (
    <li className="nhsuk-u-margin-bottom-3">
      <span className="app-requirement__label">
        <span id={`${id}-label`}>{label}</span>{' '}
        {unit === 'done' ? <strong className={`nhsuk-tag ${met ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{met ? 'Done' : 'Not yet'}</strong> : <span>{progress}</span>}
      </span>
      {unit === 'done' ? null : (
        <span
          className="app-progress"
          role="progressbar"
          aria-labelledby={`${id}-label`}
          aria-valuemin={0}
          aria-valuemax={required}
          aria-valuenow={Math.min(done, required)}
          aria-valuetext={progress}
        >
          <span className="app-progress__bar" style={{ width: `${share(done, required)}%` }} />
          {pending > 0 ? <span className="app-progress__bar app-progress__bar--pending" style={{ width: `${share(Math.min(pending, Math.max(required - done, 0)), required)}%` }} /> : null}
        </span>
      )}
    </li>
  )
}

/** '4 of 6'; supervision: '5 h confirmed + 1 h pending of 8 h'. */
function describe({ unit, done, pending, required }: Requirement): string {
  if (unit === 'minutes') return `${formatHours(done)} confirmed${pending > 0 ? ` + ${formatHours(pending)} pending` : ''} of ${formatHours(required)}`
  return `${done} of ${required}`
}

function share(part: number, whole: number): number {
  return whole <= 0 ? 0 : Math.round((Math.min(part, whole) / whole) * 100)
}
