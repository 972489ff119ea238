// The evaluation as CSV. Two files:
// - the figures per measure (the report's own numbers, suppressed exactly as on the page);
// - the anonymised scores for an external evaluator: one row per family and measure, families
//   numbered afresh for each download, no client code, no practitioner, no dates (only the
//   number of days between before and after), so nothing links a row back to a family.
import { formatCount, MIN_FAMILIES, type EvaluationReport } from '~/domain/evaluation'
import type { EvaluationData } from '~/models/evaluation.server'
import type { CsvRow } from './csv.server'
import { daysBetween } from './dates'

const SUPPRESSED = `not shown (fewer than ${MIN_FAMILIES})`
const round = (value: number, places = 3) => Number(value.toFixed(places))

export function evaluationFiguresCsv(report: EvaluationReport): { columns: string[]; rows: CsvRow[] } {
  const columns = [
    'measure',
    'construct',
    'better',
    'min_score',
    'max_score',
    'families_started',
    'families_paired',
    'dropped_out',
    'in_progress',
    'mean_before',
    'mean_after',
    'mean_change',
    'ci95_low',
    'ci95_high',
    'cohens_dz',
    'wilcoxon_v',
    'wilcoxon_p',
    'wilcoxon_method',
  ]
  const rows = report.measures.map((m) => {
    const c = m.change
    const stat = (value: number | null | undefined) => (c ? (value === null || value === undefined ? '' : round(value)) : SUPPRESSED)
    return {
      measure: m.measure.name,
      construct: m.measure.construct,
      better: m.measure.higherIsBetter ? 'higher' : 'lower',
      min_score: m.measure.minScore,
      max_score: m.measure.maxScore,
      families_started: m.startedWithheld ? 'not shown (would reveal a small number)' : formatCount(m.started),
      families_paired: formatCount(m.paired),
      dropped_out: formatCount(m.droppedOut),
      in_progress: formatCount(m.inProgress),
      mean_before: stat(c?.meanBefore),
      mean_after: stat(c?.meanAfter),
      mean_change: stat(c?.meanChange),
      ci95_low: stat(c?.ciLow),
      ci95_high: stat(c?.ciHigh),
      cohens_dz: stat(c?.effectSize),
      wilcoxon_v: stat(c?.wilcoxon.statistic),
      wilcoxon_p: stat(c?.wilcoxon.pValue),
      wilcoxon_method: c ? (c.wilcoxon.exact ? 'exact' : 'normal approximation') : SUPPRESSED,
    }
  })
  return { columns, rows }
}

export function evaluationDataCsv(data: EvaluationData): { columns: string[]; rows: CsvRow[] } {
  const columns = ['family', 'measure', 'construct', 'better', 'min_score', 'max_score', 'before', 'after', 'follow_up', 'days_before_to_after', 'status']
  const rows = data.flatMap(({ measure, families }) =>
    families.map((f) => ({
      family: `F${String(f.family).padStart(3, '0')}`,
      measure: measure.name,
      construct: measure.construct,
      better: measure.higherIsBetter ? 'higher' : 'lower',
      min_score: measure.minScore,
      max_score: measure.maxScore,
      before: f.before?.score ?? null,
      after: f.after?.score ?? null,
      follow_up: f.followUp?.score ?? null,
      days_before_to_after: f.before && f.after ? daysBetween(f.before.on, f.after.on) : null,
      status: f.after ? 'completed' : f.left ? 'dropped out' : 'in progress',
    })),
  )
  rows.sort((a, b) => a.family.localeCompare(b.family) || a.measure.localeCompare(b.measure))
  return { columns, rows }
}
