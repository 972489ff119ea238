// The programme lead's and supervisor's view of many trainees: worst flag first, filters by stage,
// severity and supervisor, the pipeline (trainees per stage) and projected accreditations by month
// against the funding end date. Pure: rows come from the progress model, `today` is passed in.
import { addMonths, formatMonth, type CalendarDate } from '~/utils/dates'
import type { Flag, Severity } from './risk'

export interface DashboardRow {
  id: number
  name: string
  stageNumber: number
  supervisorId: number | null
  lastActivityOn: CalendarDate | null
  /** Null once accredited (nothing left to project). */
  accreditationOn: CalendarDate | null
  accredited: boolean
  /** The worst of the trainee's flags (null with none) and how many there are: `flagSummary`. */
  worstSeverity: Severity | null
  flagCount: number
}

export const SORTS = ['risk', 'name', 'stage', 'last_activity', 'accreditation'] as const
export type SortKey = (typeof SORTS)[number]
export const SEVERITY_FILTERS = ['any', 'red', 'amber', 'none'] as const
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number]

export interface TableQuery {
  stage: number | null
  severity: SeverityFilter | null
  supervisorId: number | null
  sort: SortKey
}

/** What the tables filter, sort and count by of a trainee's flags: the worst (red over amber; null with none) and how many. */
export function flagSummary(flags: Pick<Flag, 'severity'>[]): Pick<DashboardRow, 'worstSeverity' | 'flagCount'> {
  const worstSeverity = flags.some((f) => f.severity === 'red') ? 'red' : flags.length ? 'amber' : null
  return { worstSeverity, flagCount: flags.length }
}

/** What a table row shows of a trainee's flags: how many of each colour, and the first reason (null with none). */
export interface FlagsAtAGlance {
  red: number
  amber: number
  firstReason: string | null
}

export function flagsAtAGlance(flags: Pick<Flag, 'severity' | 'reason'>[]): FlagsAtAGlance {
  const red = flags.filter((f) => f.severity === 'red').length
  return { red, amber: flags.length - red, firstReason: flags[0]?.reason ?? null }
}

const RISK_ORDER = { red: 0, amber: 1, none: 2 } as const
const riskRank = (row: DashboardRow) => RISK_ORDER[row.worstSeverity ?? 'none']
// Missing dates sort last whichever way round, so "no activity yet" never hides at the bottom of an
// ascending list by accident: it goes first when looking for the stalest.
const byDate = (a: CalendarDate | null, b: CalendarDate | null, missingFirst: boolean) =>
  a === b ? 0 : a === null ? (missingFirst ? -1 : 1) : b === null ? (missingFirst ? 1 : -1) : a < b ? -1 : 1

// One collator for every comparison: `localeCompare(…, 'en-GB')` builds one per call, which is most
// of the cost of sorting hundreds of names.
const byName = new Intl.Collator('en-GB').compare

const COMPARE: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
  risk: (a, b) => riskRank(a) - riskRank(b) || b.flagCount - a.flagCount,
  name: () => 0,
  stage: (a, b) => a.stageNumber - b.stageNumber,
  last_activity: (a, b) => byDate(a.lastActivityOn, b.lastActivityOn, true),
  accreditation: (a, b) => byDate(a.accreditationOn, b.accreditationOn, false),
}

export function filterAndSort<R extends DashboardRow>(rows: R[], query: TableQuery): R[] {
  return rows
    .filter((r) => query.stage === null || r.stageNumber === query.stage)
    .filter((r) => query.supervisorId === null || r.supervisorId === query.supervisorId)
    .filter((r) => {
      const worst = r.worstSeverity
      switch (query.severity) {
        case null:
          return true
        case 'any':
          return worst !== null
        case 'none':
          return worst === null
        default:
          return worst === query.severity
      }
    })
    .sort((a, b) => COMPARE[query.sort](a, b) || byName(a.name, b.name))
}

/**
 * Trainees in training per stage, then the accredited. Keyed by stage number and name: rule sets
 * name their stages differently ("Stage 1" and "Stage 1 (to mid-point)" are different bars).
 */
export function pipeline(rows: { stageNumber: number; stageName: string; accredited: boolean }[]): { label: string; count: number }[] {
  const stages = new Map<string, { stageNumber: number; label: string; count: number }>()
  for (const row of rows.filter((r) => !r.accredited)) {
    const key = `${row.stageNumber}\u0000${row.stageName}`
    const entry = stages.get(key) ?? { stageNumber: row.stageNumber, label: row.stageName, count: 0 }
    entry.count += 1
    stages.set(key, entry)
  }
  const ordered = [...stages.values()].sort((a, b) => a.stageNumber - b.stageNumber || a.label.localeCompare(b.label))
  return [...ordered.map(({ label, count }) => ({ label, count })), { label: 'Accredited', count: rows.filter((r) => r.accredited).length }]
}

/**
 * Projected accreditations per month from this month until the last projection (at least until the
 * funding end), each month marked when it falls after the funding ends.
 */
export function accreditationsByMonth(rows: Pick<DashboardRow, 'accreditationOn'>[], today: CalendarDate, fundingEndsOn: CalendarDate) {
  const perMonth = new Map<string, number>()
  let last = fundingEndsOn
  for (const { accreditationOn } of rows) {
    if (!accreditationOn) continue
    perMonth.set(accreditationOn.slice(0, 7), (perMonth.get(accreditationOn.slice(0, 7)) ?? 0) + 1)
    if (accreditationOn > last) last = accreditationOn
  }
  const months: { month: string; label: string; count: number; afterFunding: boolean }[] = []
  for (let start = `${today.slice(0, 7)}-01`; start.slice(0, 7) <= last.slice(0, 7); start = addMonths(start, 1)) {
    const month = start.slice(0, 7)
    months.push({ month, label: formatMonth(start), count: perMonth.get(month) ?? 0, afterFunding: month > fundingEndsOn.slice(0, 7) })
  }
  return months
}

/**
 * The lead's headline counts for one programme: trainees enrolled (any status), accredited, and of
 * those still in training how many carry a red flag, an amber flag at worst, or are projected to
 * be accredited after `fundingEndsOn` (a calendar date).
 */
export function headlineCounts(rows: Pick<DashboardRow, 'accredited' | 'worstSeverity' | 'accreditationOn'>[], fundingEndsOn: CalendarDate) {
  const inTraining = rows.filter((r) => !r.accredited)
  return {
    enrolled: rows.length,
    accredited: rows.length - inTraining.length,
    red: inTraining.filter((r) => r.worstSeverity === 'red').length,
    amber: inTraining.filter((r) => r.worstSeverity === 'amber').length,
    afterFunding: inTraining.filter((r) => r.accreditationOn && r.accreditationOn > fundingEndsOn).length,
  }
}

/** The stages the trainees are at (for the stage filter), each once, in pathway order. */
export function stagesPresent(rows: { stageNumber: number; stageName: string }[]): { stageNumber: number; name: string }[] {
  return [...new Map(rows.map((r) => [r.stageNumber, r.stageName])).entries()].sort(([a], [b]) => a - b).map(([stageNumber, name]) => ({ stageNumber, name }))
}

/** Trainee rows per page of the programme lead's table: a national programme has hundreds. */
export const TABLE_PAGE_SIZE = 25

export interface TablePage<R> {
  rows: R[]
  /** 1-based; a page beyond the last shows the last. */
  page: number
  pageCount: number
  /** Rows matching the filters, on every page. */
  total: number
  /** 1-based positions of the first and last row shown (0 and 0 when none). */
  from: number
  to: number
}

/** One page of already filtered and sorted rows. */
export function pageOf<R>(rows: R[], page: number, size = TABLE_PAGE_SIZE): TablePage<R> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size))
  const current = Math.min(Math.max(1, page), pageCount)
  const start = (current - 1) * size
  const shown = rows.slice(start, start + size)
  return { rows: shown, page: current, pageCount, total: rows.length, from: shown.length ? start + 1 : 0, to: start + shown.length }
}
