// The sustainability plan on screen: the sections of the report, each a pure function of the
// domain's SustainabilityReport (app/domain/sustainability.ts). The PDF prints the same sections.
import { formatHours } from '~/domain/readiness'
import type { SupervisorLoad, SustainabilityReport } from '~/domain/sustainability'
import { formatDate, formatMonth } from '~/utils/dates'
import { formatPence } from '~/utils/money'
import { plural } from '~/domain/wording'
import { BarChart } from './charts/bar-chart'
import { SummaryList } from './summary-list'
import { TableScroll } from './table-scroll'
import { WarningCallout } from './warning-callout'

/** Spread demand has fractions of a minute; people see whole minutes. */
export const hours = (minutes: number) => formatHours(Math.round(minutes))

/** What the report says when the domain has no recommendation: the numbers found nothing wrong. */
export function allClear(report: SustainabilityReport): string {
  return `Nothing needs action: every trainee in training is projected to finish by ${formatDate(report.endsOn)}, within the supervisors’ capacity and the budget.`
}

/** The headline numbers, on the page and in the PDF. */
export function headlineItems(report: SustainabilityReport): [string, number][] {
  const { headline } = report
  const items: [string, number][] = [
    ['Enrolled', headline.enrolled],
    ['In training', headline.inTraining],
    ['Accredited', headline.accredited],
    ['At risk (something urgent)', headline.atRisk],
    [`Projected to finish after ${formatDate(report.endsOn)}`, headline.finishingLate],
  ]
  if (headline.paused > 0) items.splice(2, 0, ['Paused', headline.paused])
  if (headline.withdrawn > 0) items.push(['Withdrawn', headline.withdrawn])
  return items
}

/** The budget against the cost to complete, on the page and in the PDF. */
export function budgetLines({ budget }: SustainabilityReport): [string, string][] {
  return [
    ['Total budget', formatPence(budget.budgetPence)],
    ['Fees already incurred', formatPence(budget.incurredPence)],
    ['Budget remaining', formatPence(budget.remainingPence)],
    ['Cost to complete', formatPence(budget.costToCompletePence)],
    budget.balancePence >= 0 ? ['Left over after completion', formatPence(budget.balancePence)] : ['Short by', formatPence(-budget.balancePence)],
  ]
}

export function Recommendations({ report }: { report: SustainabilityReport }) {
  if (report.recommendations.length === 0) {
    return (
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{allClear(report)}</p>
      </div>
    )
  }
  return (
    <WarningCallout title="What it will take">
      <ul>
        {report.recommendations.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </WarningCallout>
  )
}

export function Headline({ report }: { report: SustainabilityReport }) {
  return <HeadlineList items={headlineItems(report)} />
}

/** Big numbers with their labels, at a glance. */
export function HeadlineList({ items, label = 'At a glance' }: { items: [string, number][]; label?: string }) {
  return (
    <ul className="app-headline" aria-label={label}>
      {items.map(([label, value]) => (
        <li className="app-headline__item" key={label}>
          <span className="app-headline__number">{value}</span>
          {label}
        </li>
      ))}
    </ul>
  )
}

export function PipelineChart({ report }: { report: SustainabilityReport }) {
  return (
    <BarChart
      id="pipeline"
      title="Trainees by stage"
      description={report.pipeline.map((p) => `${p.label}: ${p.count}`).join('; ')}
      series={[{ name: 'Trainees' }]}
      categories={report.pipeline.map((p) => ({ label: p.label, values: [p.count] }))}
      format={String}
    />
  )
}

export function TraineesTable({ report }: { report: SustainabilityReport }) {
  const { trainees, totals } = report
  if (trainees.length === 0) return <p>No trainees are in training on this programme.</p>
  return (
    <>
      <TableScroll label="What is left for each trainee">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">What is left for each trainee still in training</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Trainee</th>
              <th scope="col">Stage</th>
              <th scope="col">Cycles left</th>
              <th scope="col">New clients left</th>
              <th scope="col">Supervision left</th>
              <th scope="col">Projected accreditation</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {trainees.map((t) => (
              <tr key={t.enrolmentId}>
                <th scope="row">{t.name}</th>
                <td>{t.stageName}</td>
                <td>{t.remaining.cycles}</td>
                <td>{t.remaining.newClients}</td>
                <td className="app-nowrap">{formatHours(t.remaining.supervisionMinutes)}</td>
                <td>
                  {t.projectedAccreditationOn ? <span className="app-nowrap">{formatDate(t.projectedAccreditationOn)}</span> : 'No projection: paused'}
                  {t.finishesByEnd === false ? (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--red">After the end date</strong>
                    </>
                  ) : null}
                </td>
                <td className="app-nowrap">{flagCount(t.flags)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td>{totals.cycles}</td>
              <td>{totals.newClients}</td>
              <td className="app-nowrap">{formatHours(totals.supervisionMinutes)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      {trainees.some((t) => t.flags.length > 0) ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Why each trainee is flagged</span>
          </summary>
          <div className="nhsuk-details__text">
            {trainees
              .filter((t) => t.flags.length > 0)
              .map((t) => (
                <div key={t.enrolmentId}>
                  <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{t.name}</h3>
                  <ul className="nhsuk-body-s">
                    {t.flags.map((f) => (
                      <li key={f.reason}>
                        <strong>{severityWord(f.severity)}:</strong> {f.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </div>
        </details>
      ) : null}
    </>
  )
}

/** A flag's severity in words a commissioner reads: red is urgent, amber a concern. */
export function severityWord(severity: 'red' | 'amber'): string {
  return severity === 'red' ? 'Urgent' : 'A concern'
}

export function flagCount(flags: SustainabilityReport['trainees'][number]['flags']): string {
  if (flags.length === 0) return 'None'
  const red = flags.filter((f) => f.severity === 'red').length
  return [red ? `${red} urgent` : null, flags.length - red ? plural(flags.length - red, 'concern') : null].filter(Boolean).join(', ')
}

/** A supervisor's verdict in words: short by, spare, or no capacity recorded. */
export function supervisorVerdict(load: SupervisorLoad): string {
  if (load.capacityMinutesPerMonth === null) return load.trainees.length ? 'No capacity recorded' : 'No capacity recorded, no trainees'
  const gap = Math.round(load.neededMinutesPerMonth) - load.capacityMinutesPerMonth
  if (load.shortMinutesPerMonth > 0 && gap > 0) return `Not enough: ${hours(gap)} short`
  return gap < 0 ? `Enough: ${hours(-gap)} spare` : 'Enough: exactly'
}

/** One month for one supervisor (or all): '5 h 12 min of 4 h' , with 'no capacity recorded' when none. */
export function monthCell(m: { byEndMinutes: number; capacityMinutes: number | null }): string {
  return m.capacityMinutes === null ? `${hours(m.byEndMinutes)} (no capacity recorded)` : `${hours(m.byEndMinutes)} of ${hours(m.capacityMinutes)}`
}

/** The sentence under the month tables: the as-of month counts only for its days left. */
export function partMonthNote(report: SustainabilityReport): string | null {
  const first = report.demand.months[0]
  if (!first || first.share >= 1) return null
  return `${formatMonth(first.month)} counts only from ${formatDate(report.asOf)} to the month’s end: its hours needed and available are the share of a month those days make up.`
}

/** Who supervises whom, and whether each supervisor has the time their trainees need. */
export function SupervisorsTable({ report }: { report: SustainabilityReport }) {
  const loads = report.demand.supervisors
  if (loads.length === 0) return <p>No supervisors are recorded for this programme.</p>
  return (
    <TableScroll label="Each supervisor’s time">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Each supervisor’s time, in a full month, to finish their trainees by {formatDate(report.endsOn)}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col">Supervisor</th>
            <th scope="col">Their trainees</th>
            <th scope="col">Needed a month</th>
            <th scope="col">Available a month</th>
            <th scope="col">Enough time?</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {loads.map((l) => (
            <tr key={l.supervisorId ?? 'none'}>
              <th scope="row">{l.name}</th>
              <td>{l.trainees.length ? l.trainees.map((t) => t.name).join(', ') : 'None'}</td>
              <td className="app-nowrap">{hours(l.neededMinutesPerMonth)}</td>
              <td className="app-nowrap">{l.capacityMinutesPerMonth === null ? 'Not recorded' : hours(l.capacityMinutesPerMonth)}</td>
              <td>{l.shortMinutesPerMonth > 0 ? <strong>{supervisorVerdict(l)}</strong> : supervisorVerdict(l)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

export function DemandSection({ report }: { report: SustainabilityReport }) {
  const { demand, capacityMinutesPerMonth: capacity } = report
  const lastMonth = demand.months[demand.months.length - 1].month
  const named = demand.supervisors.filter((l) => l.supervisorId !== null || l.trainees.length > 0)
  const note = partMonthNote(report)
  const after = demand.atPaceAfterEndMinutes > 0
  return (
    <>
      <p>
        Each trainee’s supervision falls on their own supervisor, so each supervisor’s hours are weighed against their own time: spare hours of one supervisor do not help another’s trainees
        unless a trainee moves.
      </p>
      <SupervisorsTable report={report} />
      <BarChart
        id="demand"
        title="Supervision needed each month, all supervisors together"
        description={`Capacity ${hours(capacity)} a full month. ${demand.months
          .map((m) => `${formatMonth(m.month)}: ${hours(m.byEndMinutes)} to finish by the end date, ${hours(m.atPaceMinutes)} at current pace, ${hours(m.capacityMinutes)} available`)
          .join('; ')}.${after ? ` After ${formatMonth(lastMonth)}, when the funding has ended: ${hours(demand.atPaceAfterEndMinutes)} at current pace.` : ''}`}
        series={[{ name: 'By the end date' }, { name: 'At current pace' }]}
        categories={[
          ...demand.months.map((m) => ({
            label: `${formatMonth(m.month)}${m.share < 1 ? ' (from the as-of date)' : ''}${m.overCapacity ? ': more than available' : ''}`,
            values: [m.byEndMinutes, m.atPaceMinutes],
          })),
          ...(after
            ? [
                {
                  label: `After ${formatMonth(lastMonth)}, all together (after funding ends)`,
                  values: [0, demand.atPaceAfterEndMinutes],
                  divider: `Funding ends ${formatDate(report.endsOn)}`,
                  after: true,
                },
              ]
            : []),
        ]}
        format={hours}
        reference={{ value: capacity, label: 'Available' }}
        dataTable="none"
      />
      <TableScroll label="Supervision hours a month, by supervisor">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Hours needed to finish by {formatDate(report.endsOn)}, of the hours available, each month</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Month</th>
              <th scope="col">All supervisors</th>
              {named.map((l) => (
                <th scope="col" key={l.supervisorId ?? 'none'}>
                  {l.name}
                </th>
              ))}
              <th scope="col">At current pace, all</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {demand.months.map((m, i) => (
              <tr key={m.month}>
                <th scope="row" className="app-nowrap">
                  {formatMonth(m.month)}
                </th>
                <td>{m.overCapacity ? <strong>{monthCell(m)}: more than available</strong> : monthCell(m)}</td>
                {named.map((l) => (
                  <td key={l.supervisorId ?? 'none'}>{l.months[i].overCapacity ? <strong>{monthCell(l.months[i])}: more than available</strong> : monthCell(l.months[i])}</td>
                ))}
                <td>{hours(m.atPaceMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {note ? <p className="nhsuk-body-s">{note}</p> : null}
      {after ? (
        <p>
          At their current pace, {hours(demand.atPaceAfterEndMinutes)} of supervision falls after {formatMonth(lastMonth)}, when the funding has ended.
        </p>
      ) : null}
      {demand.unprojectedMinutes > 0 ? (
        <p>Paused trainees still need {hours(demand.unprojectedMinutes)} of supervision; it is counted only in the demand to finish by the end date.</p>
      ) : null}
    </>
  )
}

export function QuartersChart({ report }: { report: SustainabilityReport }) {
  const label = (q: SustainabilityReport['quarters'][number]) => `${q.label}${q.containsEnd ? ' (funding ends in it)' : q.afterEnd ? ' (after funding ends)' : ''}`
  const firstAfter = report.quarters.findIndex((q) => q.afterEnd)
  return (
    <BarChart
      id="quarters"
      title="Projected accreditations by quarter"
      description={`Funding ends ${formatDate(report.endsOn)}. ${report.quarters.map((q) => `${label(q)}: ${q.names.length}${q.names.length ? ` (${q.names.join(', ')})` : ''}`).join('; ')}.`}
      series={[{ name: 'Accreditations' }]}
      categories={report.quarters.map((q, i) => ({
        label: `${label(q)}${q.names.length ? `: ${q.names.join(', ')}` : ''}`,
        values: [q.names.length],
        after: q.afterEnd,
        divider: i === firstAfter ? `Funding ends ${formatDate(report.endsOn)}` : undefined,
      }))}
      format={String}
    />
  )
}

export function CostSection({ report }: { report: SustainabilityReport }) {
  const { trainees, totals } = report
  return (
    <>
      {trainees.length > 0 ? (
        <TableScroll label="Fees still to pay for each trainee">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Fees still to pay for each trainee</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Trainee</th>
                <th scope="col">Stage fees</th>
                <th scope="col">Registration</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {trainees.map((t) => (
                <tr key={t.enrolmentId}>
                  <th scope="row">{t.name}</th>
                  <td>{formatPence(t.cost.stageFeesPence)}</td>
                  <td>{formatPence(t.cost.registrationPence)}</td>
                  <td>{formatPence(t.cost.totalPence)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td>{formatPence(totals.stageFeesPence)}</td>
                <td>{formatPence(totals.registrationPence)}</td>
                <td>{formatPence(totals.totalPence)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      ) : null}
      <SummaryList rows={budgetLines(report)} />
    </>
  )
}

export const DEFINITIONS = [
  'Remaining work is what the current stage still lacks plus every later stage in full; supervision waiting for confirmation is not taken off.',
  'Projected accreditation comes from each trainee’s pace over the last 90 days where there is one, else from the expected length of each stage.',
  'Supervision needed to finish by the end date spreads each trainee’s remaining supervision evenly over the months from the as-of date to the end month. The current month counts only for its calendar days left (from the 16th of a 30-day month, half a month), for the hours needed and the hours available alike. At current pace, it is spread to the month of their projected accreditation.',
  'Each trainee’s supervision falls on their supervisor, and each supervisor is weighed against their own monthly hours on the programme. A supervisor with no hours recorded is shown as such, not as short of time.',
  'A trainee is flagged urgent or as a concern when something has waited or slipped past the pathway’s limits, for example feedback on a reflection waiting 14 days (a concern) or 28 days (urgent).',
  'A stage’s fee is incurred when the stage starts, the registration fee when it is paid; stages recognised from earlier training cost the programme nothing. Budget remaining is the budget less the fees incurred by every trainee ever enrolled.',
]
