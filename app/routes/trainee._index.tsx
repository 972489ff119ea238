import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { WarningCallout } from '~/components/warning-callout'
import { ReadOnlyNotice } from '~/components/record-actions'
import { StageReadinessPanel } from '~/components/stage-readiness-panel'
import { Timeline } from '~/components/timeline'
import { attentionItems, stageEndReflectionHref, type AttentionItem } from '~/domain/trainee-home'
import { listClients } from '~/models/client.server'
import { stageLock } from '~/models/enrolment.server'
import { loadCachedProgress } from '~/models/progress.server'
import { getRuleSet } from '~/models/rule-set.server'
import { findStageEndReflection } from '~/models/reflection.server'
import { listTimeline } from '~/models/timeline.server'
import type { EnrolmentForecast } from '~/domain/forecast'
import type { Flag } from '~/domain/risk'
import { formatDate, today } from '~/utils/dates'
import { requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'My progress – Attune' }]

const RECENT = 5

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const timeline = await listTimeline(db, user.id)
  if (!enrolment) return json({ name: user.name, enrolled: null, recent: timeline.slice(0, RECENT), attention: [] as AttentionItem[] })
  const [judged, ruleSet, lock, clients, stageEnd] = await Promise.all([
    loadCachedProgress(db, [enrolment], today()).then((all) => all.get(enrolment.id)!),
    getRuleSet(db, enrolment.rule_set_id),
    stageLock(db, enrolment.id, enrolment.current_stage),
    listClients(db, user.id),
    findStageEndReflection(db, { enrolmentId: enrolment.id, traineeId: user.id, stageNumber: enrolment.current_stage }),
  ])
  const now = today()
  const attention = attentionItems(timeline, clients, ruleSet, now)
  const stageEndHref = stageEndReflectionHref(
    judged.readiness.requirements.map((r) => r.key),
    stageEnd,
  )
  const waiting = judged.awaitingAccreditation
    ? {
        stageName: judged.readiness.stageName,
        next: judged.provisional ? { stageName: judged.provisional.readiness.stageName, startedOn: judged.provisional.startedOn } : null,
      }
    : null
  return json({
    name: user.name,
    enrolled: {
      programmeName: enrolment.programme_name,
      // While a stage waits for accreditation, the stage open provisionally is the one work counts towards.
      readiness: judged.provisional?.readiness ?? judged.readiness,
      waiting,
      // Work can be logged while some stage is open: not while the final stage waits for accreditation.
      canLogWork: lock.open || judged.provisional !== null,
      lockedReason: lock.open ? null : lock.reason,
      stageEndHref,
      stageEndStarted: Boolean(stageEnd),
      forecast: judged.provisional?.forecast ?? (judged.awaitingAccreditation ? null : judged.forecast),
      fundingEndsOn: enrolment.funding_ends_on,
      // Erasure is already in "Needs your attention", client by client.
      flags: judged.flags.filter((f) => !f.code.startsWith('recordings_')),
    },
    recent: timeline.slice(0, RECENT),
    attention,
  })
}

const WAITING_ON: Record<Flag['actor'], string> = {
  trainee: '',
  supervisor: 'Waiting for your supervisor',
  accreditor: 'Waiting for your external accreditor',
  lead: 'Your programme lead has been told',
}

/** Projected dates and the trainee's own flags, said as next steps rather than warnings. */
function Outlook({ forecast, flags, stageName, fundingEndsOn }: { forecast: EnrolmentForecast | null; flags: Flag[]; stageName: string; fundingEndsOn: string | null }) {
  if (!forecast) return null
  const own = flags.filter((f) => f.actor === 'trainee')
  const others = flags.filter((f) => f.actor !== 'trainee')
  return (
    <section aria-labelledby="outlook-heading" className="nhsuk-u-margin-bottom-5">
      <h2 id="outlook-heading">Looking ahead</h2>
      <p>
        {forecast.stageCompletesOn === forecast.accreditationOn ? (
          <>
            You could be accredited by <strong>{formatDate(forecast.accreditationOn)}</strong>
          </>
        ) : (
          <>
            {stageName} could be ready by <strong>{formatDate(forecast.stageCompletesOn)}</strong>, and you could be accredited by <strong>{formatDate(forecast.accreditationOn)}</strong>
          </>
        )}{' '}
        ({forecast.basisText}).
        {fundingEndsOn ? ` The programme’s funding ends ${formatDate(fundingEndsOn)}.` : ''}
      </p>
      {own.length > 0 ? (
        <>
          <h3>Your next steps</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {own.map((f) => (
              <li key={f.code}>
                <strong>{f.nextStep}</strong>
                <br />
                <span className="nhsuk-body-s">{f.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {others.map((f) => (
        <p key={f.code} className="nhsuk-body-s">
          <strong>{WAITING_ON[f.actor]}:</strong> {f.reason}
        </p>
      ))}
    </section>
  )
}

/**
 * A stage signed off and waiting for the external accreditor, in plain words: what happens to work
 * logged meanwhile (it counts towards the next stage, provisionally), and what a return would mean
 * (ADR 0016). For the final stage, that nothing more needs logging.
 */
function WaitingForAccreditation({ waiting }: { waiting: { stageName: string; next: { stageName: string; startedOn: string } | null } }) {
  return (
    <div className="nhsuk-inset-text" id="waiting-for-accreditation">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>{waiting.stageName} is signed off and waiting for your external accreditor.</strong> Its records are read-only now.
      </p>
      {waiting.next ? (
        <>
          <p>
            You can carry on: cycles and supervision from {formatDate(waiting.next.startedOn)} count towards {waiting.next.stageName}. They are provisional until {waiting.stageName} is
            accredited; then they simply stay in {waiting.next.stageName}.
          </p>
          <p>
            If the accreditor returns {waiting.stageName}, that work counts towards {waiting.stageName} again, where it can help with what the accreditor asks for, and{' '}
            {waiting.next.stageName} starts afresh at the next sign-off.
          </p>
        </>
      ) : (
        <p>This is your final stage, so there is nothing more to log. Your accreditor will record the decision.</p>
      )}
    </div>
  )
}

export default function TraineeHome() {
  const { name, enrolled, recent, attention } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>My progress</h1>
      {enrolled ? (
        <p className="nhsuk-lede-text">
          {name}, {enrolled.readiness.stageName} of the {enrolled.programmeName}
        </p>
      ) : (
        <p className="nhsuk-lede-text">
          You are not enrolled on a VIG programme yet. Ask your programme lead to enrol you. Meanwhile you can <Link to="/trainee/clients">add clients</Link>.
        </p>
      )}
      {enrolled ? (
        <nav aria-label="Log your work" className="app-quick-actions">
          {enrolled.canLogWork ? (
            <>
              <Link to="/trainee/cycles/new" className="nhsuk-button nhsuk-u-margin-bottom-3">
                Log a cycle
              </Link>
              <Link to="/trainee/supervision/new" className="nhsuk-button nhsuk-u-margin-bottom-3">
                Log supervision
              </Link>
            </>
          ) : null}
          <Link to="/trainee/clients/new" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-3">
            Add a client
          </Link>
          {enrolled.stageEndHref && !enrolled.lockedReason ? (
            <Link to={enrolled.stageEndHref} className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-3">
              {enrolled.stageEndStarted ? 'Your stage-end reflection' : 'Write your stage-end reflection'}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {attention.length > 0 ? (
        <WarningCallout title="Needs your attention">
          <ul className="nhsuk-list nhsuk-list--bullet">
            {attention.map((item) => (
              <li key={item.key}>
                <Link to={item.href}>{item.text}</Link>
              </li>
            ))}
          </ul>
        </WarningCallout>
      ) : null}
      {enrolled ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            {enrolled.waiting ? <WaitingForAccreditation waiting={enrolled.waiting} /> : enrolled.lockedReason ? <ReadOnlyNotice reason={enrolled.lockedReason} /> : null}
            <StageReadinessPanel readiness={enrolled.readiness} provisional={Boolean(enrolled.waiting?.next)} />
            <Outlook forecast={enrolled.forecast} flags={enrolled.flags} stageName={enrolled.readiness.stageName} fundingEndsOn={enrolled.fundingEndsOn} />
          </div>
        </div>
      ) : null}
      <h2>Recently logged</h2>
      <Timeline entries={recent} />
      <p>
        <Link to="/trainee/timeline">See everything you have logged</Link> · <Link to="/trainee/clients">My clients</Link>
      </p>
    </>
  )
}
