import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { WarningCallout } from '~/components/page'
import { ReadOnlyNotice } from '~/components/record-actions'
import { StageReadinessPanel } from '~/components/stage-readiness-panel'
import { Timeline } from '~/components/timeline'
import { erasureReminder, recordingStatus } from '~/domain/retention'
import { listClients } from '~/models/client.server'
import { stageLock } from '~/models/enrolment.server'
import { loadReadiness } from '~/models/evidence.server'
import { findStageEndReflection } from '~/models/reflection.server'
import { listTimeline } from '~/models/timeline.server'
import { today } from '~/utils/dates'
import { requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'My progress – Attune' }]

const RECENT = 5

interface AttentionItem {
  key: string
  href: string
  text: string
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const timeline = await listTimeline(db, user.id)
  if (!enrolment) return json({ name: user.name, enrolled: null, recent: timeline.slice(0, RECENT), attention: [] as AttentionItem[] })
  const [judged, lock, clients, stageEnd] = await Promise.all([
    loadReadiness(db, [enrolment]).then((all) => all.get(enrolment.id)!),
    stageLock(db, enrolment.id, enrolment.current_stage),
    listClients(db, user.id),
    findStageEndReflection(db, { enrolmentId: enrolment.id, traineeId: user.id, stageNumber: enrolment.current_stage }),
  ])
  const now = today()
  const attention: AttentionItem[] = [
    ...timeline.filter((e) => e.status === 'returned').map((e) => ({ key: e.key, href: e.href, text: `${e.title}: returned by your supervisor. Correct it and send it back.` })),
    ...clients.flatMap((c) => {
      const reminder = erasureReminder(recordingStatus({ workEndedOn: c.work_ended_on, recordingsErasedOn: c.recordings_erased_on }, judged.ruleSet, now))
      return reminder ? [{ key: `erase-${c.id}`, href: `/trainee/clients/${c.id}`, text: `${c.code}: ${reminder}` }] : []
    }),
    ...timeline.filter((e) => e.status === 'in_progress' && !e.lockedReason).map((e) => ({ key: e.key, href: e.href, text: `${e.title}: add the shared review once it has happened.` })),
    ...timeline.filter((e) => e.status === 'draft' && !e.lockedReason).map((e) => ({ key: e.key, href: e.href, text: `${e.title}: draft not yet submitted.` })),
  ]
  const stageEndHref = !judged.readiness.requirements.some((r) => r.key === 'written_reflection')
    ? null
    : stageEnd
      ? `/trainee/reflections/${stageEnd.id}`
      : '/trainee/reflections/new?stage-end'
  return json({
    name: user.name,
    enrolled: {
      programmeName: enrolment.programme_name,
      readiness: judged.readiness,
      lockedReason: lock.open ? null : lock.reason,
      stageEndHref,
      stageEndStarted: Boolean(stageEnd),
    },
    recent: timeline.slice(0, RECENT),
    attention,
  })
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
          <Link to="/trainee/cycles/new" className="nhsuk-button nhsuk-u-margin-bottom-3">
            Log a cycle
          </Link>
          <Link to="/trainee/supervision/new" className="nhsuk-button nhsuk-u-margin-bottom-3">
            Log supervision
          </Link>
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
            {enrolled.lockedReason ? <ReadOnlyNotice reason={enrolled.lockedReason} /> : null}
            <StageReadinessPanel readiness={enrolled.readiness} />
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
