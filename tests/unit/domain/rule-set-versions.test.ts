// Versions and local variants (ADR 0017): the same readiness rules judge every pathway and version,
// with the numbers only from the rule set. Real numbers: the 2026 model (6/9/12 cycles, 2/3/3 new
// clients, 7/8/8 hours), the earlier 18-cycle model, a provider's variant, and VERP.
import { describe, expect, it } from 'vitest'
import { remainingWork, stageReadiness } from '~/domain/readiness'
import { ruleSetProblems, stageOf, stageRequirementProblems, type RuleSet } from '~/domain/rule-set'
import { completedCycles, currentPathway, earlierPathway, evidence, repeat, sessions, verpPathway } from './fixtures'

/** A provider's variant of the 2026 model: `changes` to one stage, everything else as published. */
function variant(stageNumber: number, changes: Partial<RuleSet['stages'][number]>): RuleSet {
  const base = currentPathway()
  return { ...base, id: 9, key: 'practitioner-v4', version: 4, stages: base.stages.map((s) => (s.stageNumber === stageNumber ? { ...s, ...changes } : s)) }
}

/** Stage `n` with `cycles` completed cycles over `clients` clients and `hours` one-hour confirmed sessions. */
function work(stageNumber: number, cycles: number, clients: number, hours: number) {
  const clientIds = Array.from({ length: clients }, (_, i) => stageNumber * 100 + i + 1)
  return evidence({ cycles: completedCycles(cycles, { stageNumber, clientIds }), supervision: sessions(repeat(hours, 60), { stageNumber }) })
}

describe('the 2026 model', () => {
  it.each([
    { stage: 1, cycles: 6, clients: 2, hours: 7 },
    { stage: 2, cycles: 9, clients: 3, hours: 8 },
    { stage: 3, cycles: 12, clients: 3, hours: 8 },
  ])('Stage $stage is met by $cycles cycles, $clients new clients and $hours hours', ({ stage, cycles, clients, hours }) => {
    const ev = work(stage, cycles, clients, hours)
    const readiness = stageReadiness(currentPathway(), stage, { ...ev, introductionSessionStages: [2, 3], writtenReflectionStages: [3] })
    expect(readiness.missing).toEqual([])
    expect(stageReadiness(currentPathway(), stage, { ...work(stage, cycles - 1, clients, hours), introductionSessionStages: [2, 3], writtenReflectionStages: [3] }).ready).toBe(false)
  })

  it('leaves 27 cycles, 8 new clients and 23 hours from Stage 1 with nothing done', () => {
    expect(remainingWork(currentPathway(), 1, evidence())).toEqual({ cycles: 27, newClients: 8, supervisionMinutes: 23 * 60 })
  })
})

describe('the earlier 18-cycle model', () => {
  it('asks 9 cycles, 3 new clients and 7.5 hours in each half: 18, 6 and 15 in all', () => {
    const earlier = earlierPathway()
    expect(remainingWork(earlier, 1, evidence())).toEqual({ cycles: 18, newClients: 6, supervisionMinutes: 15 * 60 })
    const halfway = evidence({
      cycles: completedCycles(9, { stageNumber: 1, clientIds: [1, 2, 3] }),
      supervision: sessions([90, 90, 90, 90, 90], { stageNumber: 1 }),
      writtenReflectionStages: [1],
    })
    expect(stageReadiness(earlier, 1, halfway).ready).toBe(true)
    // The same work also meets Stage 1 of the 2026 model (6 cycles, 2 new clients, 7 hours).
    expect(stageReadiness(currentPathway(), 1, halfway).ready).toBe(true)
  })
})

describe('a provider’s variant: 4 new clients in Stage 3', () => {
  const northshire = variant(3, { requiredNewClients: 4 })
  const done = { ...work(3, 12, 3, 8), introductionSessionStages: [3], writtenReflectionStages: [3] }

  it('12 cycles with 3 new clients meet the 2026 model but not the variant', () => {
    expect(stageReadiness(currentPathway(), 3, done).ready).toBe(true)
    expect(stageReadiness(northshire, 3, done).missing).toEqual(['1 more new client this stage'])
  })

  it('a fourth new client meets the variant', () => {
    const four = { ...work(3, 12, 4, 8), introductionSessionStages: [3], writtenReflectionStages: [3] }
    expect(stageReadiness(northshire, 3, four).ready).toBe(true)
    expect(remainingWork(northshire, 1, evidence())).toEqual({ cycles: 27, newClients: 9, supervisionMinutes: 23 * 60 })
  })
})

describe('a substitution as data: a half day of training in place of one Stage 1 supervision hour', () => {
  const withTraining = variant(1, { supervisionByTrainingMinutes: 60 })
  const sixHoursAndTraining = (trainingStatus: 'confirmed' | 'pending') =>
    evidence({
      cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }),
      supervision: [...sessions(repeat(6, 60), { stageNumber: 1 }), ...sessions([210], { stageNumber: 1, kind: 'training', status: trainingStatus })],
    })

  it('6 hours of supervision and a confirmed half day (3.5 hours) of training meet 7 hours, counting 1 hour of the training', () => {
    const supervision = stageReadiness(withTraining, 1, sixHoursAndTraining('confirmed')).requirements.find((r) => r.key === 'supervision')!
    expect(supervision).toMatchObject({ done: 420, required: 420, met: true })
  })

  it('the 2026 model, with no substitution, counts no training: 1 hour short', () => {
    expect(stageReadiness(currentPathway(), 1, sixHoursAndTraining('confirmed')).missing).toEqual(['1 more hour of confirmed supervision'])
  })

  it('training waiting for confirmation shows as pending, up to the allowance', () => {
    const supervision = stageReadiness(withTraining, 1, sixHoursAndTraining('pending')).requirements.find((r) => r.key === 'supervision')!
    expect(supervision).toMatchObject({ done: 360, pending: 60, met: false })
  })

  it('never replaces more than the allowance: 5 hours and two half days leave 1 hour to do', () => {
    const ev = evidence({ supervision: [...sessions(repeat(5, 60), { stageNumber: 1 }), ...sessions([210, 210], { stageNumber: 1, kind: 'training' })] })
    expect(stageReadiness(withTraining, 1, ev).requirements.find((r) => r.key === 'supervision')).toMatchObject({ done: 360, met: false })
    expect(remainingWork(withTraining, 1, ev).supervisionMinutes).toBe(60 + 16 * 60)
  })
})

describe('VERP on the same machinery', () => {
  const verp = verpPathway()

  it('is an introductory course and one stage of 3 cycles, 1 new client and 3 hours, ending in accreditation', () => {
    expect(verp.stages.map((s) => [s.name, s.requiredCycles, s.requiredNewClients, s.requiredSupervisionMinutes, s.endMeeting])).toEqual([
      ['VERP introductory training', 0, 0, 0, 'course_completion'],
      ['VERP practice', 3, 1, 180, 'accreditation'],
    ])
    expect(ruleSetProblems(verp)).toEqual([])
    expect(remainingWork(verp, 1, evidence())).toEqual({ cycles: 3, newClients: 1, supervisionMinutes: 180 })
  })

  it('3 cycles with one person, 3 hours of group supervision and the written reflection make the stage ready', () => {
    const ev = evidence({ cycles: completedCycles(3, { stageNumber: 1, clientIds: [1] }), supervision: sessions([90, 90], { stageNumber: 1 }), writtenReflectionStages: [1] })
    expect(stageReadiness(verp, 1, ev)).toMatchObject({ stageName: 'VERP practice', ready: true })
    expect(stageReadiness(verp, 1, { ...ev, writtenReflectionStages: [] }).missing).toEqual(['Your stage-end written reflection'])
  })
})

describe('stageRequirementProblems', () => {
  const stage1 = stageOf(currentPathway(), 1)

  it('accepts every seeded stage', () => {
    for (const ruleSet of [currentPathway(), earlierPathway(), verpPathway()]) expect(ruleSetProblems(ruleSet)).toEqual([])
  })

  it('needs at least one requirement', () => {
    const nothing = { ...stage1, requiredCycles: 0, requiredNewClients: 0, requiredSupervisionMinutes: 0, requiresIntroductionSession: false, requiresWrittenReflection: false }
    expect(Object.keys(stageRequirementProblems(nothing))).toEqual(['requiredCycles'])
    expect(stageRequirementProblems({ ...nothing, requiresWrittenReflection: true })).toEqual({})
    expect(stageRequirementProblems({ ...nothing, endMeeting: 'course_completion' })).toEqual({})
  })

  it('refuses more new clients than cycles, and more training than supervision', () => {
    expect(stageRequirementProblems({ ...stage1, requiredNewClients: 7 }).requiredNewClients).toBe(
      'New clients cannot be more than the 6 cycles: a client is new to a stage through a cycle in it',
    )
    expect(stageRequirementProblems({ ...stage1, requiredNewClients: 6 })).toEqual({})
    expect(Object.keys(stageRequirementProblems({ ...stage1, supervisionByTrainingMinutes: 421 }))).toEqual(['supervisionByTrainingHours'])
  })

  it('refuses a pathway whose final stage no external supervisor accredits', () => {
    const base = currentPathway()
    const unaccredited = { stages: base.stages.map((s) => (s.stageNumber === 3 ? { ...s, requiresExternalAccreditation: false } : s)) }
    expect(ruleSetProblems(unaccredited)).toEqual([{ stageNumber: 3, field: 'requiresExternalAccreditation', message: expect.stringMatching(/^The final stage must be accredited/) }])
  })
})
