// Programme evaluation (issue 16): did the families' scores change between before and after VIG?
// For each outcome measure, families with both a before and an after score are "paired"; their
// change (after − before, in the measure's own units) is summarised by:
//   - the mean change with a 95% confidence interval from Student's t with n − 1 degrees of freedom
//     (mean ± t(0.975, n − 1) × SD / √n), t quantile from @stdlib/stats-base-dists-t-quantile;
//   - Cohen's d_z for paired data: mean change ÷ SD of the changes (Lakens 2013, "Calculating and
//     reporting effect sizes", Frontiers in Psychology 4:863, equation 6);
//   - the Wilcoxon signed-rank test, two-sided, from @stdlib/stats-wilcoxon, which follows R's
//     wilcox.test: the exact distribution for n ≤ 50 without ties or zero changes, otherwise the
//     normal approximation with continuity and tie corrections (zero changes dropped).
// Means and SDs come from simple-statistics. See docs/decisions/0015-programme-evaluation.md.
//
// Small numbers are suppressed: no figure for fewer than MIN_FAMILIES families, and counts of 1 to
// 4 are never printed, nor any count that would let a reader work one out by subtraction.
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import wilcoxon from '@stdlib/stats-wilcoxon'
import { mean, sampleStandardDeviation } from 'simple-statistics'
import type { CalendarDate } from '~/utils/dates'

/** The fewest families (or responses) behind any figure the report prints. */
export const MIN_FAMILIES = 5

export interface ScorePair {
  before: number
  after: number
}

export interface PairedChange {
  n: number
  meanBefore: number
  meanAfter: number
  /** Mean of (after − before), in the measure's units. */
  meanChange: number
  /** Sample SD of the changes (n − 1 denominator). */
  sdChange: number
  /** 95% confidence interval of the mean change. */
  ciLow: number
  ciHigh: number
  /** Cohen's d_z; null when every family changed by the same amount (SD 0). */
  effectSize: number | null
  /** Wilcoxon signed-rank: V is the sum of the ranks of positive changes. */
  wilcoxon: { statistic: number; pValue: number; exact: boolean }
}

/**
 * The paired summary of `pairs` (at least two). Throws on fewer than two pairs: callers suppress
 * small numbers first (see summariseMeasure).
 */
export function pairedChange(pairs: ScorePair[]): PairedChange {
  if (pairs.length < 2) throw new Error('A paired summary needs at least two pairs')
  const n = pairs.length
  const changes = pairs.map((p) => p.after - p.before)
  const meanChange = mean(changes)
  const sdChange = sampleStandardDeviation(changes)
  const half = tQuantile(0.975, n - 1) * (sdChange / Math.sqrt(n))
  return {
    n,
    meanBefore: mean(pairs.map((p) => p.before)),
    meanAfter: mean(pairs.map((p) => p.after)),
    meanChange,
    sdChange,
    ciLow: meanChange - half,
    ciHigh: meanChange + half,
    effectSize: sdChange === 0 ? null : meanChange / sdChange,
    wilcoxon: signedRank(changes),
  }
}

function signedRank(changes: number[]): PairedChange['wilcoxon'] {
  // With no change at all there is nothing to rank: no evidence of a difference.
  if (changes.every((c) => c === 0)) return { statistic: 0, pValue: 1, exact: false }
  const result = wilcoxon(changes, { alternative: 'two-sided' })
  const nonZero = changes.filter((c) => c !== 0)
  const exact = changes.length <= 50 && nonZero.length === changes.length && new Set(nonZero.map(Math.abs)).size === nonZero.length
  // The statistic is V (the positive ranks' sum) either way; the p-value's method is what differs.
  return { statistic: result.statistic, pValue: Math.min(1, result.pValue), exact }
}

export interface MeasureDefinition {
  id: number
  name: string
  construct: string
  minScore: number
  maxScore: number
  higherIsBetter: boolean
}

/** One family's scores on one measure. */
export interface FamilyScores {
  before: { score: number; on: CalendarDate } | null
  after: { score: number; on: CalendarDate } | null
  followUp: { score: number; on: CalendarDate } | null
  /** Work with the family ended: no after score will come. */
  left: boolean
}

/** A count as the report prints it: null means "not shown" (suppressed). */
export type Count = number | null

export interface MeasureSummary {
  measure: MeasureDefinition
  /** Families with a before score (in the date range). */
  started: Count
  /** The total is hidden although it is not small: it would reveal a hidden count by subtraction. */
  startedWithheld: boolean
  /** …with an after score too. */
  paired: Count
  /** …still working with their practitioner, no after score yet. */
  inProgress: Count
  /** …whose work ended without an after score: drop-out. */
  droppedOut: Count
  /** Null when fewer than MIN_FAMILIES families have paired scores. */
  change: PairedChange | null
  /** Whether the change, if any, is an improvement given the measure's direction. */
  improved: boolean | null
}

/**
 * A measure's figures for the report, with small numbers suppressed:
 * - no statistics unless at least MIN_FAMILIES families have paired scores;
 * - a count of 1 to 4 is never shown (0 is: it identifies nobody);
 * - started = paired + in progress + dropped out, so when exactly one of those three is hidden,
 *   the total is hidden too (otherwise it could be worked out by subtraction).
 */
export function summariseMeasure(measure: MeasureDefinition, families: FamilyScores[]): MeasureSummary {
  const started = families.filter((f) => f.before)
  const paired = started.filter((f) => f.after)
  const waiting = started.filter((f) => !f.after)
  const droppedOut = waiting.filter((f) => f.left).length
  const inProgress = waiting.length - droppedOut

  const parts = [paired.length, inProgress, droppedOut].map(shownCount)
  const hiddenParts = parts.filter((p) => p === null).length
  const change = paired.length >= MIN_FAMILIES ? pairedChange(paired.map((f) => ({ before: f.before!.score, after: f.after!.score }))) : null
  return {
    measure,
    started: hiddenParts === 1 ? null : shownCount(started.length),
    startedWithheld: hiddenParts === 1 && shownCount(started.length) !== null,
    paired: parts[0],
    inProgress: parts[1],
    droppedOut: parts[2],
    change,
    improved: change ? (measure.higherIsBetter ? change.meanChange > 0 : change.meanChange < 0) : null,
  }
}

/** A count, or null when it is between 1 and MIN_FAMILIES − 1. */
export function shownCount(n: number): Count {
  return n > 0 && n < MIN_FAMILIES ? null : n
}

/** A count as words for a table cell: '12', '0' or 'fewer than 5'. */
export function formatCount(count: Count): string {
  return count === null ? `fewer than ${MIN_FAMILIES}` : String(count)
}

/** A score or change to one decimal place (scores are summed questionnaire totals). */
export function formatScore(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(1)
}

/** An effect size to two decimal places, signed: '+1.28' or '−0.45'. */
export function formatEffectSize(value: number): string {
  const text = Math.abs(value).toFixed(2)
  return text === '0.00' ? '0.00' : `${value > 0 ? '+' : '−'}${text}`
}

/** A p-value as journals print it: 'p < 0.001' or 'p = 0.023'. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`
}

/** A signed change: '+3.2' or '−1.5' (a real minus sign). */
export function formatChange(value: number): string {
  const text = formatScore(Math.abs(value))
  return text === '0.0' ? '0.0' : `${value > 0 ? '+' : '−'}${text}`
}

/** The problem with a score, or null: it must lie within the measure's range. */
export function scoreRangeProblem(measure: Pick<MeasureDefinition, 'name' | 'minScore' | 'maxScore'>, score: number): string | null {
  if (score < measure.minScore || score > measure.maxScore) {
    return `Scores on ${measure.name} go from ${measure.minScore} to ${measure.maxScore}: enter a score in that range`
  }
  return null
}

export interface AcceptabilityResponse {
  acceptability: number
  feasibility: number
  helped: string
  gotInTheWay: string
}

export interface AcceptabilitySummary {
  responses: Count
  /** Mean ratings 1–5; null when fewer than MIN_FAMILIES responses. */
  meanAcceptability: number | null
  meanFeasibility: number | null
  /** Free text, sorted (never in the order given, which could be matched to dates); empty when suppressed. */
  helped: string[]
  gotInTheWay: string[]
}

/** One respondent group's feedback (families, practitioners or managers), small numbers suppressed. */
export function summariseAcceptability(responses: AcceptabilityResponse[]): AcceptabilitySummary {
  const enough = responses.length >= MIN_FAMILIES
  const texts = (pick: (r: AcceptabilityResponse) => string) =>
    enough
      ? responses
          .map(pick)
          .filter((t) => t.trim() !== '')
          .sort((a, b) => a.localeCompare(b))
      : []
  return {
    responses: shownCount(responses.length),
    meanAcceptability: enough ? mean(responses.map((r) => r.acceptability)) : null,
    meanFeasibility: enough ? mean(responses.map((r) => r.feasibility)) : null,
    helped: texts((r) => r.helped),
    gotInTheWay: texts((r) => r.gotInTheWay),
  }
}

/** How the figures are worked out: printed on the page and in the PDF. */
export const EVALUATION_DEFINITIONS = [
  'Families count for a measure when their before score is dated within the report’s dates. Only families who consented to evaluation have scores.',
  'Paired: families with both a before and an after score. Change is after minus before, in the measure’s own units.',
  'The 95% confidence interval of the mean change uses Student’s t distribution with one fewer degrees of freedom than families.',
  'Effect size is Cohen’s d_z for paired scores: the mean change divided by the standard deviation of the changes. As a rough guide 0.2 is small, 0.5 medium and 0.8 large.',
  'The Wilcoxon signed-rank test (two-sided) asks whether the changes lean one way more than chance would explain, without assuming they follow a normal curve. It is exact for up to 50 families with no ties and no zero changes, otherwise a normal approximation.',
  'Dropped out: families with a before score whose work ended without an after score. In progress: still working with their practitioner. Families who withdrew consent are left out altogether.',
  `No figure is shown for fewer than ${MIN_FAMILIES} families or responses, and no count of 1 to ${MIN_FAMILIES - 1}, nor any total that would reveal one by subtraction.`,
]

export interface EvaluationReport {
  range: { from: CalendarDate; to: CalendarDate }
  measures: MeasureSummary[]
  acceptability: { respondent: 'family' | 'practitioner' | 'manager'; summary: AcceptabilitySummary }[]
}

/** The whole report: every measure's summary and each respondent group's feedback, suppressed. */
export function evaluationReport(
  range: EvaluationReport['range'],
  measures: { measure: MeasureDefinition; families: FamilyScores[] }[],
  feedback: { respondent: 'family' | 'practitioner' | 'manager'; acceptability: number; feasibility: number; helped: string; got_in_the_way: string }[],
): EvaluationReport {
  return {
    range,
    measures: measures.map((m) => summariseMeasure(m.measure, m.families)),
    acceptability: (['family', 'practitioner', 'manager'] as const).map((respondent) => ({
      respondent,
      summary: summariseAcceptability(
        feedback.filter((f) => f.respondent === respondent).map((f) => ({ acceptability: f.acceptability, feasibility: f.feasibility, helped: f.helped, gotInTheWay: f.got_in_the_way })),
      ),
    })),
  }
}
