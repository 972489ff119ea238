import { describe, expect, it } from 'vitest'
import { decisionSummary } from '~/domain/decision-summary'
import { readinessForSignOff } from '~/domain/stage-end'
import { completedCycles, currentPathway, evidence, repeat, sessions } from './fixtures'

const current = currentPathway()

describe('the summary checked before a stage decision (current AVIGuk pathway)', () => {
  it('Stage 1 with 6 cycles, 2 clients and 7 confirmed hours: every requirement met, nothing waiting', () => {
    const ev = evidence({ cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }), supervision: sessions(repeat(7, 60), { stageNumber: 1 }) })
    const summary = decisionSummary(readinessForSignOff(current, 1, ev))
    expect(summary.requirements).toEqual([
      { label: 'Completed cycles', detail: '6 of 6', met: true },
      { label: 'New clients this stage', detail: '2 of 2', met: true },
      { label: 'Confirmed supervision', detail: '7 h of 7 h', met: true },
    ])
    expect(summary).toMatchObject({ unmet: 0, needsReason: false, clear: true, pendingSessions: [], unreadReflections: [] })
  })

  it('Stage 1 with 5 cycles and 6 confirmed hours, one 90-minute session pending: two unmet, a reason needed', () => {
    const ev = evidence({
      cycles: completedCycles(5, { stageNumber: 1, clientIds: [1, 2] }),
      supervision: [...sessions(repeat(6, 60), { stageNumber: 1 }), ...sessions([90], { stageNumber: 1, status: 'pending', heldOn: '2026-11-12' })],
    })
    const summary = decisionSummary(readinessForSignOff(current, 1, ev, { traineeName: 'Amira Khan' }), { pendingSessions: [{ heldOn: '2026-11-12', minutes: 90 }] })
    expect(summary.requirements.filter((r) => !r.met)).toEqual([
      { label: 'Completed cycles', detail: 'Not met: 1 more completed cycle', met: false },
      { label: 'Confirmed supervision', detail: 'Not met: 1 more hour of confirmed supervision (1 hour 30 minutes waiting for the supervisor to confirm)', met: false },
    ])
    expect(summary.pendingSessions).toEqual(['12 Nov 2026, 1 hour 30 minutes'])
    expect(summary).toMatchObject({ unmet: 2, needsReason: true, clear: false })
  })

  it('Stage 3 ready but for an unread stage-end reflection: no reason needed, yet not clear', () => {
    const ev = evidence({
      cycles: completedCycles(12, { stageNumber: 3, clientIds: [1, 2, 3] }),
      supervision: sessions(repeat(8, 60), { stageNumber: 3 }),
      introductionSessionStages: [3],
      writtenReflectionStages: [3],
    })
    const summary = decisionSummary(readinessForSignOff(current, 3, ev), { unreadReflections: [{ kind: 'stage_end', submittedOn: '2026-11-20' }] })
    expect(summary.requirements.map((r) => [r.label, r.detail])).toEqual([
      ['Introduction session', 'Done'],
      ['Completed cycles', '12 of 12'],
      ['New clients this stage', '3 of 3'],
      ['Confirmed supervision', '8 h of 8 h'],
      ['Stage-end written reflection', 'Done'],
    ])
    expect(summary.unreadReflections).toEqual(['Stage-end written reflection, submitted 20 Nov 2026'])
    expect(summary).toMatchObject({ unmet: 0, needsReason: false, clear: false })
  })

  it('speaks about the trainee by name when the supervisor reads it', () => {
    const summary = decisionSummary(readinessForSignOff(current, 3, evidence(), { traineeName: 'Amira Khan' }))
    expect(summary.requirements.find((r) => r.label === 'Stage-end written reflection')?.detail).toBe('Not met: Amira Khan’s stage-end written reflection')
    expect(summary.requirements.find((r) => r.label === 'Introduction session')?.detail).toBe('Not met: Amira Khan’s introduction session')
    expect(summary.unmet).toBe(5)
  })

  it('the Initial Training Course: the sign-off itself records the course, so nothing is unmet', () => {
    const summary = decisionSummary(readinessForSignOff(current, 0, evidence()))
    expect(summary.requirements).toEqual([{ label: 'Course completed', detail: 'Done', met: true }])
    expect(summary.clear).toBe(true)
  })
})
