import { describe, expect, it } from 'vitest'
import type { StageEvidence } from '~/domain/readiness'
import { formatHours, overallProgress, remainingWork, stageReadiness } from '~/domain/readiness'
import { practitionerRuleSet2024 } from '~db/seed/rule-sets'
import { completedCycles, currentPathway, earlierPathway, evidence, repeat, sessions } from './fixtures'

const current = currentPathway()
const earlier = earlierPathway()

function requirement(stageNumber: number, ev: StageEvidence, key: string, ruleSet = current) {
  const found = stageReadiness(ruleSet, stageNumber, ev).requirements.find((r) => r.key === key)
  if (!found) throw new Error(`no ${key} requirement`)
  return found
}

describe('cycles and new clients', () => {
  it.each([
    { name: '6 cycles with only 1 client', cycles: completedCycles(6, { stageNumber: 1, clientIds: [1] }), cyclesMet: true, clientsMet: false },
    { name: '6 cycles with 2 clients', cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), cyclesMet: true, clientsMet: true },
    { name: '5 cycles with 2 clients', cycles: completedCycles(5, { stageNumber: 1, clientIds: [1, 2] }), cyclesMet: false, clientsMet: true },
    {
      name: '6 cycles with 2 clients, one still awaiting its shared review',
      cycles: [...completedCycles(5, { stageNumber: 1, clientIds: [1, 2] }), { clientId: 1, filmedOn: '2026-03-02', reviewedOn: null, stageNumber: null }],
      cyclesMet: false,
      clientsMet: true,
    },
    {
      name: '6 cycles, 2 of them counted in Stage 2',
      cycles: [...completedCycles(4, { stageNumber: 1, clientIds: [1, 2] }), ...completedCycles(2, { stageNumber: 2, clientIds: [3] })],
      cyclesMet: false,
      clientsMet: true,
    },
  ])('Stage 1: $name', ({ cycles, cyclesMet, clientsMet }) => {
    const ev = evidence({ cycles })
    expect(requirement(1, ev, 'cycles').met).toBe(cyclesMet)
    expect(requirement(1, ev, 'new_clients').met).toBe(clientsMet)
  })

  it('does not count a cycle whose shared review is not logged', () => {
    const ev = evidence({ cycles: [{ clientId: 1, filmedOn: '2026-03-02', reviewedOn: null, stageNumber: null }] })
    expect(requirement(1, ev, 'cycles')).toMatchObject({ done: 0, required: 6 })
    expect(requirement(1, ev, 'new_clients')).toMatchObject({ done: 0, required: 2 })
  })

  it('counts clients as new per stage: a client first seen in Stage 1 is not new in Stage 2', () => {
    const ev = evidence({
      cycles: [...completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), ...completedCycles(9, { stageNumber: 2, clientIds: [2, 3, 4] })],
    })
    const clients = requirement(2, ev, 'new_clients')
    expect(clients).toMatchObject({ done: 2, required: 3, met: false, missing: '1 more new client this stage' })
    expect(requirement(2, ev, 'cycles')).toMatchObject({ done: 9, met: true })
  })

  it('counts a client new to Stage 2 even if filmed in Stage 1 but never reviewed there', () => {
    const ev = evidence({
      cycles: [{ clientId: 9, filmedOn: '2026-01-10', reviewedOn: null, stageNumber: null }, ...completedCycles(3, { stageNumber: 2, clientIds: [9, 10, 11] })],
    })
    expect(requirement(2, ev, 'new_clients')).toMatchObject({ done: 3, met: true })
  })

  it('words what is missing', () => {
    const ev = evidence({ cycles: completedCycles(4, { stageNumber: 1, clientIds: [1] }) })
    expect(requirement(1, ev, 'cycles').missing).toBe('2 more completed cycles')
    expect(requirement(1, ev, 'new_clients').missing).toBe('1 more new client this stage')
    const one = evidence({ cycles: completedCycles(5, { stageNumber: 1, clientIds: [1, 2] }) })
    expect(requirement(1, one, 'cycles').missing).toBe('1 more completed cycle')
  })
})

describe('supervision hours', () => {
  it.each([
    { stage: 2, minutes: repeat(8, 60), met: true },
    { stage: 2, minutes: repeat(6, 90), met: true },
    { stage: 2, minutes: repeat(4, 120), met: true },
    { stage: 2, minutes: repeat(7, 60), met: false },
    { stage: 2, minutes: [...repeat(5, 90), 30], met: true },
    { stage: 1, minutes: repeat(7, 60), met: true },
    { stage: 1, minutes: repeat(6, 60), met: false },
    { stage: 3, minutes: repeat(4, 120), met: true },
  ])('Stage $stage with sessions of $minutes minutes: met = $met', ({ stage, minutes, met }) => {
    const ev = evidence({ supervision: sessions(minutes, { stageNumber: stage }) })
    expect(requirement(stage, ev, 'supervision').met).toBe(met)
  })

  it('does not count a pending session until it is confirmed, but shows it', () => {
    const pending = evidence({
      supervision: [...sessions(repeat(6, 60), { stageNumber: 1 }), ...sessions([60], { stageNumber: 1, status: 'pending' })],
    })
    expect(requirement(1, pending, 'supervision')).toMatchObject({
      done: 360,
      pending: 60,
      required: 420,
      unit: 'minutes',
      met: false,
      missing: '1 more hour of confirmed supervision (1 hour waiting for your supervisor to confirm)',
    })
    const confirmed = evidence({ supervision: sessions(repeat(7, 60), { stageNumber: 1 }) })
    expect(requirement(1, confirmed, 'supervision')).toMatchObject({ done: 420, pending: 0, met: true, missing: null })
  })

  it('ignores returned sessions entirely', () => {
    const ev = evidence({
      supervision: [...sessions(repeat(6, 60), { stageNumber: 1 }), ...sessions([60, 90], { stageNumber: 1, status: 'returned' })],
    })
    expect(requirement(1, ev, 'supervision')).toMatchObject({ done: 360, pending: 0, met: false })
  })

  it('counts only sessions of this stage', () => {
    const ev = evidence({ supervision: [...sessions(repeat(7, 60), { stageNumber: 1 }), ...sessions([60], { stageNumber: 2 })] })
    expect(requirement(2, ev, 'supervision')).toMatchObject({ done: 60, missing: '7 more hours of confirmed supervision' })
  })

  it('words part hours', () => {
    const ev = evidence({
      supervision: [...sessions(repeat(4, 90), { stageNumber: 2 }), ...sessions([90], { stageNumber: 2, status: 'pending' })],
    })
    expect(requirement(2, ev, 'supervision').missing).toBe('2 more hours of confirmed supervision (1 hour 30 minutes waiting for your supervisor to confirm)')
    const partHour = evidence({ supervision: sessions([90, 90, 90, 60], { stageNumber: 2 }) })
    expect(requirement(2, partHour, 'supervision').missing).toBe('2 hours 30 minutes more of confirmed supervision')
  })
})

describe('which requirements a stage shows', () => {
  it.each([
    { ruleSet: current, stage: 0, keys: ['course'] },
    { ruleSet: current, stage: 1, keys: ['cycles', 'new_clients', 'supervision'] },
    { ruleSet: current, stage: 2, keys: ['introduction_session', 'cycles', 'new_clients', 'supervision'] },
    { ruleSet: current, stage: 3, keys: ['introduction_session', 'cycles', 'new_clients', 'supervision', 'written_reflection'] },
    { ruleSet: earlier, stage: 1, keys: ['cycles', 'new_clients', 'supervision', 'written_reflection'] },
    { ruleSet: earlier, stage: 2, keys: ['cycles', 'new_clients', 'supervision', 'written_reflection'] },
  ])('$ruleSet.key stage $stage: $keys', ({ ruleSet, stage, keys }) => {
    expect(stageReadiness(ruleSet, stage, evidence()).requirements.map((r) => r.key)).toEqual(keys)
  })

  it('drops a requirement the rule set does not ask for', () => {
    const noReflection = currentPathway({
      stages: currentPathway().stages.map((s) => (s.stageNumber === 1 ? { ...s, requiresWrittenReflection: false, requiredNewClients: 0 } : s)),
    })
    expect(stageReadiness(noReflection, 1, evidence()).requirements.map((r) => r.key)).toEqual(['cycles', 'supervision'])
  })

  it('throws for a stage the rule set does not have', () => {
    expect(() => stageReadiness(earlier, 3, evidence())).toThrow(/no stage 3/)
  })
})

describe('ready', () => {
  const stage2Done: StageEvidence = evidence({
    cycles: [...completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), ...completedCycles(9, { stageNumber: 2, clientIds: [3, 4, 5] })],
    supervision: sessions(repeat(6, 90), { stageNumber: 2 }),
    introductionSessionStages: [2],
    writtenReflectionStages: [2],
  })

  it('is ready only when every requirement holds', () => {
    const readiness = stageReadiness(current, 2, stage2Done)
    expect(readiness).toMatchObject({ stageNumber: 2, stageName: 'Stage 2', ready: true, missing: [] })
  })

  it.each([
    { name: 'introduction session', change: { introductionSessionStages: [3] }, missing: 'Your introduction session' },
    { name: 'one cycle', change: { cycles: stage2Done.cycles.slice(0, -1) }, missing: '1 more completed cycle' },
    { name: 'half an hour', change: { supervision: sessions(repeat(5, 90), { stageNumber: 2 }) }, missing: '30 minutes more of confirmed supervision' },
  ])('is not ready without the $name', ({ change, missing }) => {
    const readiness = stageReadiness(current, 2, { ...stage2Done, ...change })
    expect(readiness.ready).toBe(false)
    expect(readiness.missing).toEqual([missing])
  })

  it('asks for the written reflection only at Stage 3, before the accreditation meeting (AVIGuk)', () => {
    const stage1 = evidence({ cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), supervision: sessions(repeat(7, 60), { stageNumber: 1 }) })
    expect(stageReadiness(current, 1, stage1)).toMatchObject({ ready: true, missing: [] })
    expect(stageReadiness(current, 2, stage2Done)).toMatchObject({ ready: true })
    const stage3 = evidence({
      cycles: [...stage2Done.cycles, ...completedCycles(12, { stageNumber: 3, clientIds: [6, 7, 8] })],
      supervision: sessions(repeat(4, 120), { stageNumber: 3 }),
      introductionSessionStages: [2, 3],
    })
    expect(stageReadiness(current, 3, stage3).missing).toEqual(['Your stage-end written reflection'])
    expect(stageReadiness(current, 3, { ...stage3, writtenReflectionStages: [3] })).toMatchObject({ ready: true, missing: [] })
  })

  it('keeps the first seed of the current model (version 2) as it was: a reflection at every stage', () => {
    const first = currentPathway({ key: practitionerRuleSet2024.key, version: 2, stages: structuredClone(practitionerRuleSet2024.stages) })
    const stage1 = evidence({ cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), supervision: sessions(repeat(7, 60), { stageNumber: 1 }) })
    expect(stageReadiness(first, 1, stage1).missing).toEqual(['Your stage-end written reflection'])
  })

  it('evaluates the 2015 rule set by its own numbers (9 cycles, 3 clients, 450 minutes)', () => {
    const currentStage1Work = evidence({
      cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }),
      supervision: sessions(repeat(7, 60), { stageNumber: 1 }),
      writtenReflectionStages: [1],
    })
    expect(stageReadiness(current, 1, currentStage1Work).ready).toBe(true)
    const older = stageReadiness(earlier, 1, currentStage1Work)
    expect(older.ready).toBe(false)
    expect(older.missing).toEqual(['3 more completed cycles', '1 more new client this stage', '30 minutes more of confirmed supervision'])
    const enough = stageReadiness(earlier, 1, {
      ...currentStage1Work,
      cycles: completedCycles(9, { stageNumber: 1, clientIds: [1, 2, 3] }),
      supervision: sessions(repeat(5, 90), { stageNumber: 1 }),
    })
    expect(enough.ready).toBe(true)
  })

  it('treats the course as ready once its completion is recorded', () => {
    expect(stageReadiness(current, 0, evidence()).missing).toEqual(['Completing the Initial Training Course'])
    expect(stageReadiness(current, 0, evidence({ courseCompletedStages: [0] })).ready).toBe(true)
  })
})

describe('overallProgress', () => {
  it.each([
    { name: 'nothing done', ev: evidence(), progress: 0 },
    // cycles 3/6, clients 1/2, supervision 210/420: a half each
    {
      name: 'half of everything',
      ev: evidence({ cycles: completedCycles(3, { stageNumber: 1, clientIds: [1] }), supervision: sessions([90, 120], { stageNumber: 1 }) }),
      progress: 0.5,
    },
    // cycles capped at 1 (8/6), clients 1/2, supervision 0: (1 + 0.5 + 0) / 3
    { name: 'a surplus cannot hide a gap', ev: evidence({ cycles: completedCycles(8, { stageNumber: 1, clientIds: [1] }) }), progress: 0.5 },
    {
      name: 'all work done, reflection outstanding',
      ev: evidence({ cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), supervision: sessions(repeat(7, 60), { stageNumber: 1 }) }),
      progress: 1,
    },
  ])('Stage 1, $name: $progress', ({ ev, progress }) => {
    expect(overallProgress(stageReadiness(current, 1, ev))).toBeCloseTo(progress, 10)
  })

  it('is all or nothing for the course', () => {
    expect(overallProgress(stageReadiness(current, 0, evidence()))).toBe(0)
    expect(overallProgress(stageReadiness(current, 0, evidence({ courseCompletedStages: [0] })))).toBe(1)
  })
})

describe('remainingWork', () => {
  it.each([
    { name: 'current model from the course', ruleSet: current, from: 0, ev: evidence(), left: { cycles: 27, newClients: 8, supervisionMinutes: 1380 } },
    { name: 'earlier model from the course', ruleSet: earlier, from: 0, ev: evidence(), left: { cycles: 18, newClients: 6, supervisionMinutes: 900 } },
    {
      name: 'current model part-way through Stage 2',
      ruleSet: current,
      from: 2,
      ev: evidence({
        cycles: [...completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), ...completedCycles(4, { stageNumber: 2, clientIds: [2, 3] })],
        supervision: [...sessions(repeat(7, 60), { stageNumber: 1 }), ...sessions([90, 90], { stageNumber: 2 }), ...sessions([60], { stageNumber: 2, status: 'pending' })],
      }),
      // Stage 2: 9-4 cycles, 3-1 new clients, 480-180 minutes; Stage 3 in full: 12, 3, 480
      left: { cycles: 17, newClients: 5, supervisionMinutes: 780 },
    },
    {
      name: 'final stage over-delivered',
      ruleSet: earlier,
      from: 2,
      ev: evidence({ cycles: completedCycles(11, { stageNumber: 2, clientIds: [1, 2, 3, 4] }), supervision: sessions(repeat(9, 60), { stageNumber: 2 }) }),
      left: { cycles: 0, newClients: 0, supervisionMinutes: 0 },
    },
  ])('$name', ({ ruleSet, from, ev, left }) => {
    expect(remainingWork(ruleSet, from, ev)).toEqual(left)
  })
})

describe('formatHours', () => {
  it.each([
    [420, '7 h'],
    [450, '7 h 30 min'],
    [45, '45 min'],
    [0, '0 h'],
    [1380, '23 h'],
  ])('%i minutes is %s', (minutes, text) => {
    expect(formatHours(minutes)).toBe(text)
  })
})
