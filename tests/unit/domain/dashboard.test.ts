import { describe, expect, it } from 'vitest'
import { accreditationsByMonth, filterAndSort, flagSummary, headlineCounts, pageOf, pipeline, stagesPresent, type DashboardRow, type TableQuery } from '~/domain/dashboard'
import type { Flag } from '~/domain/risk'

const flag = (severity: Flag['severity'], code: Flag['code'] = 'supervision_gap'): Flag => ({ code, severity, reason: '', nextStep: '', actor: 'trainee' })
const row = ({ flags = [], ...over }: Partial<DashboardRow> & { name: string; flags?: Flag[] }): DashboardRow => ({
  id: over.name.length,
  stageNumber: 1,
  supervisorId: 1,
  lastActivityOn: '2026-11-01',
  accreditationOn: '2027-06-01',
  accredited: false,
  ...flagSummary(flags),
  ...over,
})

const rows = [
  row({ name: 'Amira', stageNumber: 2, flags: [flag('amber')], lastActivityOn: '2026-11-19', accreditationOn: '2027-07-31' }),
  row({ name: 'Ben', stageNumber: 1, flags: [flag('red'), flag('amber', 'cycle_gap')], lastActivityOn: '2026-09-17', accreditationOn: '2028-02-19', supervisorId: 2 }),
  row({ name: 'Chloe', stageNumber: 3, accredited: true, accreditationOn: null, lastActivityOn: '2026-10-24' }),
  row({ name: 'Farah', stageNumber: 1, flags: [flag('red')], lastActivityOn: null, accreditationOn: '2028-05-07' }),
]
const query = (over: Partial<TableQuery> = {}): TableQuery => ({ stage: null, severity: null, supervisorId: null, sort: 'risk', ...over })
const names = (list: DashboardRow[]) => list.map((r) => r.name)

describe('the trainee table', () => {
  it.each<[Partial<TableQuery>, string[]]>([
    [{}, ['Ben', 'Farah', 'Amira', 'Chloe']],
    [{ sort: 'name' }, ['Amira', 'Ben', 'Chloe', 'Farah']],
    [{ sort: 'stage' }, ['Ben', 'Farah', 'Amira', 'Chloe']],
    [{ sort: 'last_activity' }, ['Farah', 'Ben', 'Chloe', 'Amira']],
    [{ sort: 'accreditation' }, ['Amira', 'Ben', 'Farah', 'Chloe']],
    [{ stage: 1 }, ['Ben', 'Farah']],
    [{ severity: 'red' }, ['Ben', 'Farah']],
    [{ severity: 'amber' }, ['Amira']],
    [{ severity: 'any' }, ['Ben', 'Farah', 'Amira']],
    [{ severity: 'none' }, ['Chloe']],
    [{ supervisorId: 2 }, ['Ben']],
    [{ stage: 1, severity: 'red', sort: 'name' }, ['Ben', 'Farah']],
  ])('%o gives %o', (q, expected) => {
    expect(names(filterAndSort(rows, query(q)))).toEqual(expected)
  })
})

describe('a trainee’s flags, summarised', () => {
  it.each<[Flag[], ReturnType<typeof flagSummary>]>([
    [[], { worstSeverity: null, flagCount: 0 }],
    [[flag('amber'), flag('amber', 'cycle_gap')], { worstSeverity: 'amber', flagCount: 2 }],
    [[flag('amber'), flag('red', 'cycle_gap'), flag('amber', 'stage_overrun')], { worstSeverity: 'red', flagCount: 3 }],
  ])('%o is %o', (flags, expected) => {
    expect(flagSummary(flags)).toEqual(expected)
  })
})

describe('pipeline and projected accreditations', () => {
  it('counts trainees in training per stage, and the accredited apart, keeping differently named stages apart', () => {
    expect(
      pipeline([
        { stageNumber: 2, stageName: 'Stage 2', accredited: false },
        { stageNumber: 1, stageName: 'Stage 1', accredited: false },
        { stageNumber: 1, stageName: 'Stage 1 (to mid-point)', accredited: false },
        { stageNumber: 1, stageName: 'Stage 1', accredited: false },
        { stageNumber: 3, stageName: 'Stage 3', accredited: true },
      ]),
    ).toEqual([
      { label: 'Stage 1', count: 2 },
      { label: 'Stage 1 (to mid-point)', count: 1 },
      { label: 'Stage 2', count: 1 },
      { label: 'Accredited', count: 1 },
    ])
  })

  it('buckets projections by month from now to the last one, marking months after the funding ends', () => {
    const months = accreditationsByMonth(rows.slice(0, 2), '2026-11-24', '2027-03-24')
    expect(months[0]).toEqual({ month: '2026-11', label: 'Nov 2026', count: 0, afterFunding: false })
    expect(months.find((m) => m.month === '2027-03')!.afterFunding).toBe(false)
    expect(months.find((m) => m.month === '2027-04')!.afterFunding).toBe(true)
    expect(months.find((m) => m.month === '2027-07')!.count).toBe(1)
    expect(months.at(-1)).toMatchObject({ month: '2028-02', count: 1 })
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(2)
  })

  it('runs at least to the funding end when every projection is earlier', () => {
    const months = accreditationsByMonth([row({ name: 'Dan', accreditationOn: '2026-12-17' })], '2026-11-24', '2027-03-24')
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03'])
  })
})

describe('the lead’s headline counts', () => {
  it('counts enrolled and accredited, and among those in training the red, amber and after-funding ones', () => {
    // Ben and Farah are red; Amira amber; Chloe accredited. Funding ends 31 Dec 2027: Ben and Farah finish after.
    expect(headlineCounts(rows, '2027-12-31')).toEqual({ enrolled: 4, accredited: 1, red: 2, amber: 1, afterFunding: 2 })
    expect(headlineCounts(rows, '2028-12-31').afterFunding).toBe(0)
    expect(headlineCounts([], '2027-12-31')).toEqual({ enrolled: 0, accredited: 0, red: 0, amber: 0, afterFunding: 0 })
  })
})

describe('the stages in the stage filter', () => {
  it('lists each stage once, in pathway order', () => {
    const stages = stagesPresent([
      { stageNumber: 2, stageName: 'Stage 2' },
      { stageNumber: 0, stageName: 'Initial training course' },
      { stageNumber: 2, stageName: 'Stage 2' },
      { stageNumber: 1, stageName: 'Stage 1' },
    ])
    expect(stages).toEqual([
      { stageNumber: 0, name: 'Initial training course' },
      { stageNumber: 1, name: 'Stage 1' },
      { stageNumber: 2, name: 'Stage 2' },
    ])
  })
})

describe('pageOf', () => {
  const rows = Array.from({ length: 53 }, (_, i) => i + 1)
  it.each([
    [1, { page: 1, pageCount: 3, total: 53, from: 1, to: 25 }, 1],
    [3, { page: 3, pageCount: 3, total: 53, from: 51, to: 53 }, 51],
    [99, { page: 3, pageCount: 3, total: 53, from: 51, to: 53 }, 51],
    [0, { page: 1, pageCount: 3, total: 53, from: 1, to: 25 }, 1],
  ])('page %i of 53 rows', (page, expected, first) => {
    const { rows: shown, ...table } = pageOf(rows, page)
    expect(table).toEqual(expected)
    expect(shown[0]).toBe(first)
  })
  it('has one empty page when nothing matches', () => {
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0, from: 0, to: 0 })
  })
})
