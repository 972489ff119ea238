// The evaluation on screen: a client's scores and the form to add one (trainee), and the sections
// of the programme's evaluation report (lead). Each report section is a pure function of the
// domain's EvaluationReport; the PDF prints the same lines (app/pdf/evaluation-document.tsx).
import { plural } from '~/domain/wording'
import { formatChange, formatCount, formatEffectSize, formatP, formatScore, type EvaluationReport, type MeasureSummary } from '~/domain/evaluation'
import { RATINGS, respondentLabel, TIME_POINTS, timePointLabel } from '~/schemas/evaluation'
import { formatDate } from '~/utils/dates'
import { ChangeChart } from './charts/change-chart'
import { RadioGroup, SelectField, TextArea, TextField, type Option } from './form'
import { SummaryList } from './summary-list'
import { TableScroll } from './table-scroll'

export function ScoreFields({ measures }: { measures: Option[] }) {
  return (
    <>
      <SelectField name="measure_id" label="Measure" options={measures} placeholder="Choose a measure" />
      <RadioGroup name="time_point" label="When was it taken?" options={TIME_POINTS.map((t) => ({ ...t }))} inline />
      <TextField name="score" label="Score" hint="The total score, for example 24" inputMode="decimal" width={5} />
      <TextField name="scored_on" label="Date of the score" type="date" />
    </>
  )
}

interface ScoreRow {
  id: number
  code?: string
  measure_name: string
  time_point: string
  score: number
  scored_on: string
}

export function ScoresTable({ scores, caption }: { scores: ScoreRow[]; caption: string }) {
  if (scores.length === 0) return <p>No scores recorded yet.</p>
  const withCode = scores.some((s) => s.code !== undefined)
  return (
    <TableScroll label={caption}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            {withCode ? <th scope="col">Client</th> : null}
            <th scope="col">Measure</th>
            <th scope="col">When</th>
            <th scope="col">Score</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {scores.map((s) => (
            <tr key={s.id}>
              {withCode ? <td>{s.code}</td> : null}
              <td>{s.measure_name}</td>
              <td>{timePointLabel(s.time_point)}</td>
              <td>{s.score}</td>
              <td>{formatDate(s.scored_on)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** A measure's figures as label and value, on the page and in the PDF. */
export function measureLines(summary: MeasureSummary): [string, string][] {
  const { measure, change } = summary
  const lines: [string, string][] = [
    ['What it measures', `${measure.construct}; scores ${measure.minScore} to ${measure.maxScore}, ${measure.higherIsBetter ? 'higher' : 'lower'} is better`],
    ['Families who started (a before score)', summary.startedWithheld ? 'Not shown: it would reveal a small number below' : formatCount(summary.started)],
    ['With before and after scores', formatCount(summary.paired)],
    ['Dropped out (work ended, no after score)', formatCount(summary.droppedOut)],
    ['Still in progress', formatCount(summary.inProgress)],
  ]
  if (!change) return lines
  return [
    ...lines,
    ['Mean score before and after VIG', `${formatScore(change.meanBefore)} before, ${formatScore(change.meanAfter)} after`],
    ['Mean change (95% confidence interval)', `${formatChange(change.meanChange)} (${formatChange(change.ciLow)} to ${formatChange(change.ciHigh)})`],
    ['Effect size (Cohen’s d_z)', change.effectSize === null ? 'Not defined: every family changed by the same amount' : formatEffectSize(change.effectSize)],
    [
      'Wilcoxon signed-rank test',
      `V = ${formatScore(change.wilcoxon.statistic).replace(/\.0$/, '')}, ${formatP(change.wilcoxon.pValue)}${change.wilcoxon.exact ? ' (exact)' : ' (normal approximation)'}`,
    ],
  ]
}

/** One sentence a commissioner can read first. */
export function measureVerdict(summary: MeasureSummary): string {
  const { measure, change } = summary
  if (!change) return `Too few families with before and after scores to report (fewer than 5).`
  const direction = summary.improved ? 'improved' : change.meanChange === 0 ? 'did not change' : 'got worse'
  const sure = change.ciLow > 0 || change.ciHigh < 0 ? 'The confidence interval does not include no change.' : 'The confidence interval includes no change, so this could be chance.'
  return `On average, ${measure.construct} ${direction} (${formatChange(change.meanChange)} points for ${change.n} families). ${sure}`
}

export function MeasureSections({ report }: { report: EvaluationReport }) {
  if (report.measures.length === 0) return <p>No outcome measures are set up yet.</p>
  return (
    <>
      {report.measures.map((m) => (
        <section key={m.measure.id} className="nhsuk-card" aria-labelledby={`measure-${m.measure.id}`}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading" id={`measure-${m.measure.id}`}>
              {m.measure.name}
            </h3>
            <p>{measureVerdict(m)}</p>
            <SummaryList rows={measureLines(m)} />
          </div>
        </section>
      ))}
    </>
  )
}

export function BeforeAfterChart({ report }: { report: EvaluationReport }) {
  const rows = report.measures.flatMap((m) =>
    m.change
      ? [
          {
            label: m.measure.name,
            min: m.measure.minScore,
            max: m.measure.maxScore,
            before: m.change.meanBefore,
            after: m.change.meanAfter,
            note: `${m.measure.higherIsBetter ? 'higher' : 'lower'} is better`,
          },
        ]
      : [],
  )
  if (rows.length === 0) return <p>No measure has enough families with before and after scores for a chart.</p>
  return <ChangeChart id="before-after" title="Mean scores before and after VIG" rows={rows} format={formatScore} />
}

/** Each respondent group's ratings as label and value, on the page and in the PDF. */
export function acceptabilityLines(group: EvaluationReport['acceptability'][number]): [string, string][] {
  const { summary } = group
  const rating = (value: number | null) => (value === null ? 'Not shown: fewer than 5 responses' : `${formatScore(value)} out of 5`)
  return [
    ['Responses', formatCount(summary.responses)],
    ['How acceptable VIG was (mean)', rating(summary.meanAcceptability)],
    ['How practical it was (mean)', rating(summary.meanFeasibility)],
  ]
}

export function AcceptabilitySections({ report }: { report: EvaluationReport }) {
  return (
    <>
      {report.acceptability.map((group) => (
        <section key={group.respondent} aria-labelledby={`feedback-${group.respondent}`}>
          <h3 id={`feedback-${group.respondent}`}>{respondentLabel(group.respondent)}</h3>
          <SummaryList rows={acceptabilityLines(group)} />
          <Quotes title="What helped" texts={group.summary.helped} />
          <Quotes title="What got in the way" texts={group.summary.gotInTheWay} />
        </section>
      ))}
    </>
  )
}

function Quotes({ title, texts }: { title: string; texts: string[] }) {
  if (texts.length === 0) return null
  return (
    <>
      <h4>{title}</h4>
      <ul className="app-quotes">
        {texts.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </>
  )
}

/** A one-time feedback link, shown once right after it was made. */
export function FeedbackLinkCard({ link }: { link: { url: string; days: number; respondent: string } }) {
  return (
    <div className="nhsuk-card nhsuk-card--feature" role="status">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">One-time feedback link</h2>
        <p>
          Pass this link on yourself (by text message, for example). It needs no account, works once, for {plural(link.days, 'day')}, and this is the only time it is shown. Nothing in it
          says who answered.
        </p>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="feedback-link">
            Feedback link for {link.respondent}
          </label>
          <input className="nhsuk-input app-wrap" id="feedback-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      </div>
    </div>
  )
}

/** The acceptability questions, worded for whoever answers. */
export function FeedbackFields({ respondent }: { respondent: 'family' | 'practitioner' | 'manager' | null }) {
  const doing = respondent === 'family' ? 'taking part in VIG' : respondent === 'manager' ? 'VIG in your service' : 'delivering VIG'
  return (
    <>
      <RadioGroup name="acceptability" label={`How acceptable was ${doing}?`} hint="1 is not at all, 5 is very" options={RATINGS} inline />
      <RadioGroup
        name="feasibility"
        label={respondent === 'family' ? 'How easy was it to fit into your life?' : 'How practical was it to fit into the work?'}
        hint="1 is not at all, 5 is very"
        options={RATINGS}
        inline
      />
      <TextArea name="helped" label="What helped?" hint="Please do not name anyone or give phone numbers or addresses." rows={3} />
      <TextArea name="got_in_the_way" label="What got in the way?" rows={3} />
    </>
  )
}
