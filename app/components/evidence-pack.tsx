// The accreditor's evidence pack for one stage, in the order an accreditor reads it: requirements and
// totals, every cycle, the supervision log with who confirmed what, session reflections with the
// supervisor's feedback (never the trainee's own text), meetings, the sign-off and any override
// reason, the written reflection, and the portfolio PDF. Each part is a section with a heading, so
// it can be reached from the contents list, by heading navigation or by keyboard. The data is the
// portfolio's record of the stage (app/models/portfolio.server.ts), so pack and PDF agree.
import type { ReactNode } from 'react'
import { meetingKindLabel } from '~/domain/stage-end'
import { minutesInWords, plural } from '~/domain/wording'
import type { Portfolio } from '~/models/portfolio.server'
import { formatLabel } from '~/schemas/supervision-session'
import { formatDate, formatInstant } from '~/utils/dates'
import { ReadinessTable } from './readiness-summary'
import { OverrideTag } from './stage-tags'
import { TableScroll } from './table-scroll'

export type PackStage = Portfolio['stages'][number]

const SECTIONS = [
  ['requirements', 'Requirements and totals'],
  ['cycles', 'Cycles'],
  ['supervision', 'Supervision log'],
  ['session-reflections', 'Session reflections and feedback'],
  ['meetings', 'Meetings'],
  ['sign-off', 'Sign-off'],
  ['written-reflection', 'Written reflection'],
  ['portfolio', 'Portfolio'],
] as const

type SectionId = (typeof SECTIONS)[number][0]

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  return (
    <section aria-labelledby={`pack-${id}`}>
      <h3 id={`pack-${id}`}>{SECTIONS.find(([key]) => key === id)![1]}</h3>
      {children}
    </section>
  )
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className="app-wrap">
          {paragraph}
        </p>
      ))}
    </>
  )
}

function sessionDecision(s: PackStage['sessions'][number]): string {
  const by = s.decided_by_name ? ` by ${s.decided_by_name}` : ''
  const when = s.decided_at ? ` on ${formatInstant(s.decided_at)}` : ''
  if (s.status === 'confirmed') return `Confirmed${by}${when}`
  if (s.status === 'returned') return `Returned to the trainee${by}${when}`
  return 'Waiting for the supervisor to confirm'
}

/** The evidence pack for `stage` of enrolment `enrolmentId` (the portfolio link's target). */
export function EvidencePack({ stage, enrolmentId }: { stage: PackStage; enrolmentId: number }) {
  const sessionReflections = stage.reflections.filter((r) => r.status === 'submitted')
  return (
    <div>
      <nav aria-label="Evidence pack contents" className="nhsuk-contents-list">
        <h3 className="nhsuk-u-visually-hidden">Contents</h3>
        <ol className="nhsuk-contents-list__list">
          {SECTIONS.map(([id, title]) => (
            <li key={id} className="nhsuk-contents-list__item">
              <a className="nhsuk-contents-list__link" href={`#pack-${id}`}>
                {title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="requirements">
        <ReadinessTable readiness={stage.readiness} caption={`${stage.name}: what the pathway asks and what is done`} />
      </Section>

      <Section id="cycles">
        {stage.cycles.length === 0 ? (
          <p>No cycles are recorded for this stage.</p>
        ) : (
          <TableScroll label="Every cycle of the stage">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">{plural(stage.cycles.length, 'cycle')}, in the order they were reviewed</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Filmed</th>
                  <th scope="col">Shared review</th>
                  <th scope="col">Clips</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {stage.cycles.map((c) => (
                  <tr key={c.id}>
                    <td>{c.client_code}</td>
                    <td className="app-nowrap">{formatDate(c.filmed_on)}</td>
                    <td className="app-nowrap">{c.reviewed_on ? formatDate(c.reviewed_on) : 'Not yet reviewed'}</td>
                    <td>{c.clip_count ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>

      <Section id="supervision">
        {stage.sessions.length === 0 ? (
          <p>No supervision is recorded for this stage.</p>
        ) : (
          <TableScroll label="Every supervision session of the stage">
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">{plural(stage.sessions.length, 'session')}, oldest first</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Held</th>
                  <th scope="col">Length</th>
                  <th scope="col">Format</th>
                  <th scope="col">Supervisor</th>
                  <th scope="col">Confirmation</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {stage.sessions.map((s) => (
                  <tr key={s.id}>
                    <td className="app-nowrap">{formatDate(s.held_on)}</td>
                    <td>{minutesInWords(s.minutes)}</td>
                    <td>{formatLabel(s.format)}</td>
                    <td>{s.supervisor_name}</td>
                    <td className="app-wrap">{sessionDecision(s)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>

      <Section id="session-reflections">
        <p className="nhsuk-body-s">The trainee’s own reflections after supervision stay private to them; the supervisor’s feedback on each is shown.</p>
        {sessionReflections.length === 0 ? (
          <p>No reflection after supervision was submitted for this stage.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--border">
            {sessionReflections.map((r) => (
              <li key={r.id}>
                <p className="nhsuk-u-margin-bottom-1">
                  <strong>{r.session_held_on ? `After supervision on ${formatDate(r.session_held_on)}` : 'Reflection after supervision'}</strong>
                  {r.submitted_at ? `, submitted ${formatInstant(r.submitted_at)}` : ''}
                </p>
                {r.feedback ? (
                  <>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                      Feedback from {r.feedback_by_name ?? 'the supervisor'}
                      {r.feedback_at ? `, ${formatInstant(r.feedback_at)}` : ''}:
                    </p>
                    <div className="nhsuk-inset-text nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-2">
                      <Paragraphs text={r.feedback} />
                    </div>
                  </>
                ) : (
                  <p className="nhsuk-body-s">No feedback given yet.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="meetings">
        {stage.meetings.length === 0 ? (
          <p>No meetings are recorded for this stage.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--border">
            {stage.meetings.map((m, i) => (
              <li key={i}>
                <p className="nhsuk-u-margin-bottom-1">
                  <strong>{meetingKindLabel(m.kind)}</strong>, {formatDate(m.held_on)}, recorded by {m.recorded_by_name}
                  {m.kind === 'introduction' ? '' : `: ${m.outcome === 'passed' ? 'passed' : 'not yet passed'}`}
                </p>
                {m.notes ? <Paragraphs text={m.notes} /> : null}
                {m.actions ? <p className="app-wrap nhsuk-body-s">Actions agreed: {m.actions}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="sign-off">
        {stage.signOffs.length === 0 ? (
          <p>This stage has not been signed off.</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--border">
            {stage.signOffs.map((s) => {
              const returned = stage.accreditations.find((a) => a.decision === 'returned' && s.superseded_at !== null && a.decided_at === s.superseded_at)
              return (
                <li key={s.id}>
                  <p className="nhsuk-u-margin-bottom-1">
                    Signed off by {s.signed_off_by_name} on {formatInstant(s.signed_off_at)}
                    {s.superseded_at ? ' (later returned)' : ''}
                  </p>
                  <OverrideTag reason={s.override_reason} />
                  {returned ? (
                    <p className="app-wrap nhsuk-body-s">
                      Returned by {returned.accreditor_name} on {formatInstant(returned.decided_at)}: {returned.reasons}
                    </p>
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
      </Section>

      <Section id="written-reflection">
        {stage.writtenReflection ? (
          <div className="nhsuk-card">
            <div className="nhsuk-card__content">
              <p className="nhsuk-body-s">Submitted {stage.writtenReflection.submitted_at ? formatInstant(stage.writtenReflection.submitted_at) : ''}</p>
              <Paragraphs text={stage.writtenReflection.body} />
            </div>
          </div>
        ) : (
          <p>No written reflection was submitted for this stage.</p>
        )}
      </Section>

      <Section id="portfolio">
        <p>
          <a href={`/enrolments/${enrolmentId}/portfolio`} download>
            Download the whole portfolio (PDF)
          </a>
          <span className="nhsuk-body-s">: every stage, for your records.</span>
        </p>
      </Section>
    </div>
  )
}
