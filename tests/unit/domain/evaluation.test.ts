import { describe, expect, it } from 'vitest'
import { formatChange, formatCount, pairedChange, scoreRangeProblem, summariseAcceptability, summariseMeasure, type FamilyScores, type MeasureDefinition } from '~/domain/evaluation'

const pairs = (before: number[], after: number[]) => before.map((b, i) => ({ before: b, after: after[i] }))

describe('pairedChange against published worked examples', () => {
  // Student (1908) sleep data, as in R's datasets::sleep and the example of ?t.test:
  // with(sleep, t.test(extra[group == 2], extra[group == 1], paired = TRUE)) gives
  // mean difference 1.58, 95% CI 0.7001142 to 2.4598858 (t = 4.0621, df = 9);
  // with(sleep, wilcox.test(extra[group == 2], extra[group == 1], paired = TRUE)) gives
  // V = 45, p-value = 0.009091 (normal approximation: one zero difference and ties).
  const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
  const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
  it('gives the mean change and its 95% confidence interval of the sleep data', () => {
    const result = pairedChange(pairs(group1, group2))
    expect(result.n).toBe(10)
    expect(result.meanChange).toBeCloseTo(1.58, 10)
    expect(result.ciLow).toBeCloseTo(0.7001142, 6)
    expect(result.ciHigh).toBeCloseTo(2.4598858, 6)
    // t = mean / (SD / √n) = 4.0621, so d_z = t / √n.
    expect(result.effectSize!).toBeCloseTo(4.0621 / Math.sqrt(10), 4)
  })
  it('gives the Wilcoxon signed-rank test of the sleep data by the normal approximation', () => {
    const { wilcoxon } = pairedChange(pairs(group1, group2))
    expect(wilcoxon.statistic).toBe(45)
    expect(wilcoxon.pValue).toBeCloseTo(0.009091, 6)
    expect(wilcoxon.exact).toBe(false)
  })

  // Hollander & Wolfe (1973), Nonparametric Statistical Methods, p. 29: Hamilton depression scale
  // at the first (x) and second (y) visit; R's ?wilcox.test example gives V = 40 and one-sided
  // p = 0.01953 for x > y, so the exact two-sided p is 0.03906, and V for (y − x) is 45 − 40 = 5.
  it('gives the exact Wilcoxon test of the depression data', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    const { wilcoxon, meanChange } = pairedChange(pairs(x, y))
    expect(wilcoxon.exact).toBe(true)
    expect(wilcoxon.statistic).toBe(5)
    expect(wilcoxon.pValue).toBeCloseTo(0.03906, 5)
    expect(meanChange).toBeCloseTo(-0.4318889, 6)
  })

  // Lakens (2013), Frontiers in Psychology 4:863, Table 1: ten people rate two films;
  // the paper reports t(9) = 4.74 and Cohen's d_z = 1.50.
  it('gives Cohen’s d_z of Lakens’s worked example', () => {
    const movie1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
    const movie2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]
    const result = pairedChange(pairs(movie2, movie1))
    expect(result.effectSize!).toBeCloseTo(1.5, 2)
    expect(result.meanChange / (result.sdChange / Math.sqrt(10))).toBeCloseTo(4.74, 2)
  })

  it('has no effect size and p = 1 when nobody changed', () => {
    const result = pairedChange(pairs([3, 4, 5], [3, 4, 5]))
    expect(result.effectSize).toBeNull()
    expect(result.wilcoxon.pValue).toBe(1)
  })
})

const measure: MeasureDefinition = { id: 1, name: 'Parenting stress', construct: 'parenting stress', minScore: 0, maxScore: 40, higherIsBetter: false }
const family = (before: number | null, after: number | null, left = false): FamilyScores => ({
  before: before === null ? null : { score: before, on: '2026-03-01' },
  after: after === null ? null : { score: after, on: '2026-06-01' },
  followUp: null,
  left,
})

describe('summariseMeasure suppresses small numbers', () => {
  it('shows no figure for four families with paired scores', () => {
    const summary = summariseMeasure(measure, [family(30, 20), family(28, 22), family(25, 20), family(32, 30)])
    expect(summary.change).toBeNull()
    expect(summary.paired).toBeNull()
    expect(summary.started).toBeNull()
    expect(formatCount(summary.paired)).toBe('fewer than 5')
  })
  it('shows the figures for five families, with lower-is-better read as an improvement', () => {
    const summary = summariseMeasure(measure, [family(30, 20), family(28, 22), family(25, 20), family(32, 30), family(29, 21)])
    expect(summary.paired).toBe(5)
    expect(summary.started).toBe(5)
    expect(summary.inProgress).toBe(0)
    expect(summary.droppedOut).toBe(0)
    expect(summary.change!.meanChange).toBeCloseTo(-6.2, 10)
    expect(summary.improved).toBe(true)
  })
  it('hides the total when one drop-out count alone is hidden, so it cannot be found by subtraction', () => {
    const families = [family(30, 20), family(28, 22), family(25, 20), family(32, 30), family(29, 21), family(31, null, true), family(27, null, true)]
    const summary = summariseMeasure(measure, families)
    expect(summary.paired).toBe(5)
    expect(summary.inProgress).toBe(0)
    expect(summary.droppedOut).toBeNull()
    expect(summary.started).toBeNull()
    expect(summary.startedWithheld).toBe(true)
  })
  it('shows the total when two small counts are hidden (only their sum can be known)', () => {
    const families = [family(30, 20), family(28, 22), family(25, 20), family(32, 30), family(29, 21), family(31, null, true), family(27, null, false)]
    const summary = summariseMeasure(measure, families)
    expect(summary.started).toBe(7)
    expect(summary.droppedOut).toBeNull()
    expect(summary.inProgress).toBeNull()
  })
  it('counts a family who left without an after score as dropped out', () => {
    const families = [...Array.from({ length: 5 }, () => family(30, 25)), ...Array.from({ length: 5 }, () => family(30, null, true)), ...Array.from({ length: 6 }, () => family(30, null))]
    const summary = summariseMeasure(measure, families)
    expect(summary).toMatchObject({ started: 16, paired: 5, droppedOut: 5, inProgress: 6 })
  })
})

describe('scores and feedback', () => {
  it('refuses a score outside the measure’s range', () => {
    expect(scoreRangeProblem(measure, 41)).toBe('Scores on Parenting stress go from 0 to 40: enter a score in that range')
    expect(scoreRangeProblem(measure, 0)).toBeNull()
    expect(scoreRangeProblem(measure, 40)).toBeNull()
  })
  it('formats a change with its sign', () => {
    expect(formatChange(-6.2)).toBe('−6.2')
    expect(formatChange(3.04)).toBe('+3.0')
    expect(formatChange(0.01)).toBe('0.0')
  })
  it('summarises feedback only from five responses, with the free text sorted', () => {
    const response = (helped: string) => ({ acceptability: 4, feasibility: 3, helped, gotInTheWay: '' })
    expect(summariseAcceptability([response('b'), response('a')])).toMatchObject({ responses: null, meanAcceptability: null, helped: [] })
    const five = summariseAcceptability(['e', 'c', 'a', 'd', 'b'].map(response))
    expect(five).toMatchObject({ responses: 5, meanAcceptability: 4, meanFeasibility: 3, helped: ['a', 'b', 'c', 'd', 'e'], gotInTheWay: [] })
  })
})
