// The sustainability report's tables as CSV: the trainees (with a total row), supervision by month,
// accreditations by quarter. Hours as decimal hours and money as pounds, so spreadsheets can sum them.
import type { SustainabilityReport } from '~/domain/sustainability'
import type { CsvRow } from './csv.server'
import { formatQuarter } from './dates'

export const REPORT_TABLES = ['trainees', 'months', 'supervisors', 'quarters'] as const
export type ReportTable = (typeof REPORT_TABLES)[number]

const hours = (minutes: number) => Number((minutes / 60).toFixed(2))
const pounds = (pence: number) => (pence / 100).toFixed(2)

export function reportTable(report: SustainabilityReport, table: ReportTable): { columns: string[]; rows: CsvRow[] } {
  switch (table) {
    case 'trainees':
      return {
        columns: [
          'trainee',
          'status',
          'stage',
          'cycles_left',
          'new_clients_left',
          'supervision_hours_left',
          'projected_accreditation',
          'finishes_by_end_date',
          'flags',
          'stage_fees_gbp',
          'registration_gbp',
          'cost_to_complete_gbp',
        ],
        rows: [
          ...report.trainees.map((t) => ({
            trainee: t.name,
            status: t.status,
            stage: t.stageName,
            cycles_left: t.remaining.cycles,
            new_clients_left: t.remaining.newClients,
            supervision_hours_left: hours(t.remaining.supervisionMinutes),
            projected_accreditation: t.projectedAccreditationOn,
            finishes_by_end_date: t.finishesByEnd === null ? '' : t.finishesByEnd ? 'yes' : 'no',
            flags: t.flags.map((f) => `${f.severity}: ${f.reason}`).join('; '),
            stage_fees_gbp: pounds(t.cost.stageFeesPence),
            registration_gbp: pounds(t.cost.registrationPence),
            cost_to_complete_gbp: pounds(t.cost.totalPence),
          })),
          {
            trainee: 'Total',
            cycles_left: report.totals.cycles,
            new_clients_left: report.totals.newClients,
            supervision_hours_left: hours(report.totals.supervisionMinutes),
            stage_fees_gbp: pounds(report.totals.stageFeesPence),
            registration_gbp: pounds(report.totals.registrationPence),
            cost_to_complete_gbp: pounds(report.totals.totalPence),
          },
        ],
      }
    case 'months':
      return {
        columns: ['month_start', 'needed_by_end_date_hours', 'at_current_pace_hours', 'capacity_hours', 'over_capacity'],
        rows: report.demand.months.map((m) => ({
          month_start: m.month,
          needed_by_end_date_hours: hours(m.byEndMinutes),
          at_current_pace_hours: hours(m.atPaceMinutes),
          capacity_hours: hours(m.capacityMinutes),
          over_capacity: m.overCapacity ? 'yes' : 'no',
        })),
      }
    case 'supervisors':
      // One row per supervisor and month: the same figures as the page, capacity blank when not recorded.
      return {
        columns: ['supervisor', 'month_start', 'trainees', 'needed_by_end_date_hours', 'at_current_pace_hours', 'capacity_hours', 'over_capacity'],
        rows: report.demand.supervisors.flatMap((l) =>
          l.months.map((m) => ({
            supervisor: l.name,
            month_start: m.month,
            trainees: l.trainees.map((t) => t.name).join('; '),
            needed_by_end_date_hours: hours(m.byEndMinutes),
            at_current_pace_hours: hours(m.atPaceMinutes),
            capacity_hours: m.capacityMinutes === null ? '' : hours(m.capacityMinutes),
            over_capacity: m.capacityMinutes === null ? 'no capacity recorded' : m.overCapacity ? 'yes' : 'no',
          })),
        ),
      }
    case 'quarters':
      return {
        columns: ['quarter_start', 'quarter', 'projected_accreditations', 'trainees', 'after_end_date'],
        rows: report.quarters.map((q) => ({
          quarter_start: q.start,
          quarter: formatQuarter(q.start),
          projected_accreditations: q.names.length,
          trainees: q.names.join('; '),
          after_end_date: q.afterEnd ? 'yes' : q.containsEnd ? 'contains the end date' : 'no',
        })),
      }
  }
}
