// The sustainability plan on screen: the sections of the report, each a pure function of the
// domain's SustainabilityReport (app/domain/sustainability.ts). The PDF prints the same sections.
import { formatHours } from '~/domain/readiness'
import type { SustainabilityReport } from '~/domain/sustainability'
import { formatDate, formatMonth } from '~/utils/dates'
import { formatPence } from '~/utils/money'
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
    ['At risk (a red flag)', headline.atRisk],
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
                        <strong>{f.severity === 'red' ? 'Red' : 'Amber'}:</strong> {f.reason}
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

function flagCount(flags: SustainabilityReport['trainees'][number]['flags']): string {
  if (flags.length === 0) return 'None'
  const red = flags.filter((f) => f.severity === 'red').length
  return [red ? `${red} red` : null, flags.length - red ? `${flags.length - red} amber` : null].filter(Boolean).join(', ')
}

export function DemandSection({ report }: { report: SustainabilityReport }) {
  const { demand, capacityMinutesPerMonth: capacity } = report
  const lastMonth = demand.months[demand.months.length - 1].month
  return (
    <>
      <BarChart
        id="demand"
        title="Supervision needed each month against the supervisors’ capacity"
        description={`Capacity ${hours(capacity)} a month. ${demand.months
          .map((m) => `${formatMonth(m.month)}: ${hours(m.byEndMinutes)} to finish by the end date, ${hours(m.atPaceMinutes)} at current pace`)
          .join('; ')}.`}
        series={[{ name: 'By the end date' }, { name: 'At current pace' }]}
        categories={demand.months.map((m) => ({ label: `${formatMonth(m.month)}${m.overCapacity ? ' (over capacity)' : ''}`, values: [m.byEndMinutes, m.atPaceMinutes] }))}
        format={hours}
        reference={{ value: capacity, label: 'Capacity' }}
        dataTable="none"
      />
      <TableScroll label="Supervision hours a month">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Supervision hours a month</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Needed to finish by {formatDate(report.endsOn)}</th>
              <th scope="col">At current pace</th>
              <th scope="col">Capacity</th>
              <th scope="col">Over capacity?</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {demand.months.map((m) => (
              <tr key={m.month}>
                <th scope="row" className="app-nowrap">
                  {formatMonth(m.month)}
                </th>
                <td>{hours(m.byEndMinutes)}</td>
                <td>{hours(m.atPaceMinutes)}</td>
                <td>{hours(m.capacityMinutes)}</td>
                <td>{m.overCapacity ? <strong>Yes, by {hours(m.byEndMinutes - m.capacityMinutes)}</strong> : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {demand.atPaceAfterEndMinutes > 0 ? (
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
  const label = (q: SustainabilityReport['quarters'][number]) => `${q.label}${q.containsEnd ? ' (funding ends)' : q.afterEnd ? ' (after funding ends)' : ''}`
  return (
    <BarChart
      id="quarters"
      title="Projected accreditations by quarter"
      description={`Funding ends ${formatDate(report.endsOn)}. ${report.quarters.map((q) => `${label(q)}: ${q.names.length}${q.names.length ? ` (${q.names.join(', ')})` : ''}`).join('; ')}.`}
      series={[{ name: 'Accreditations' }]}
      categories={report.quarters.map((q) => ({ label: label(q), values: [q.names.length] }))}
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
  'Demand to finish by the end date spreads each trainee’s remaining supervision evenly over the months from the as-of month to the end month, counting both whole; demand at current pace spreads it to the month of their projected accreditation.',
  'A stage’s fee is incurred when the stage starts, the registration fee when it is paid; stages recognised from earlier training cost the programme nothing. Budget remaining is the budget less the fees incurred by every trainee ever enrolled.',
]
