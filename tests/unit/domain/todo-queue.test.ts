import { describe, expect, it } from 'vitest'
import { stageReadiness } from '~/domain/readiness'
import { afterStage, completesOnSignOff, readinessForSignOff, stageStatusLabel } from '~/domain/stage-end'
import { supervisorTodos, type CaseFacts } from '~/domain/todo-queue'
import { completedCycles, currentPathway, evidence, repeat, sessions } from './fixtures'

const pathway = currentPathway()
const readyStage1 = evidence({
  cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }),
  supervision: sessions(repeat(7, 60), { stageNumber: 1 }),
  writtenReflectionStages: [1],
})

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    enrolmentId: 1,
    traineeName: 'Ella Morris',
    stageName: 'Stage 1',
    stageStatus: 'in_progress',
    stageStartedOn: '2026-01-01',
    requiresIntroduction: false,
    introductionRecorded: false,
    endMeeting: 'transition',
    endMeetingPassed: false,
    readiness: stageReadiness(pathway, 1, evidence()),
    lastActivityOn: null,
    pendingSessions: [],
    unreadReflections: [],
    waitingDays: 14,
    ...overrides,
  }
}

describe('the supervisor’s to-do queue', () => {
  it('lists sessions, reflections, introduction sessions, meetings and sign-offs, overdue first then longest waiting', () => {
    const todos = supervisorTodos(
      [
        facts({
          enrolmentId: 1,
          traineeName: 'Ella',
          readiness: stageReadiness(pathway, 1, readyStage1),
          lastActivityOn: '2026-03-20',
          pendingSessions: [{ id: 9, heldOn: '2026-03-25', minutes: 90 }],
        }),
        facts({
          enrolmentId: 2,
          traineeName: 'Amira',
          stageName: 'Stage 2',
          requiresIntroduction: true,
          stageStartedOn: '2026-03-30',
          unreadReflections: [{ id: 4, kind: 'session', submittedOn: '2026-02-01' }],
        }),
      ],
      '2026-04-01',
    )
    expect(todos.map((t) => [t.traineeName, t.kind, t.daysWaiting, t.overdue])).toEqual([
      ['Amira', 'read_reflection', 59, true],
      ['Ella', 'record_end_meeting', 12, false],
      ['Ella', 'confirm_session', 7, false],
      ['Amira', 'record_introduction', 2, false],
    ])
    expect(todos[2].title).toBe('Confirm or return the supervision session of 25 Mar 2026 (1 hour 30 minutes)')
    expect(todos[1].title).toBe('Record the transition meeting and sign off Stage 1: every requirement holds')
  })

  it('asks only for the sign-off once the meeting has passed, and nothing of a stage waiting for accreditation', () => {
    const ready = stageReadiness(pathway, 1, readyStage1)
    expect(supervisorTodos([facts({ readiness: ready, endMeetingPassed: true })], '2026-04-01').map((t) => t.kind)).toEqual(['sign_off'])
    expect(supervisorTodos([facts({ readiness: ready, stageStatus: 'signed_off' })], '2026-04-01')).toEqual([])
  })

  it('counts a wait of exactly the threshold as not yet overdue', () => {
    const [todo] = supervisorTodos([facts({ pendingSessions: [{ id: 1, heldOn: '2026-03-18', minutes: 60 }] })], '2026-04-01')
    expect([todo.daysWaiting, todo.overdue]).toEqual([14, false])
  })
})

describe('how a stage ends', () => {
  it('treats the course as ready at sign-off, because the sign-off records its completion', () => {
    expect(stageReadiness(pathway, 0, evidence()).ready).toBe(false)
    expect(readinessForSignOff(pathway, 0, evidence()).ready).toBe(true)
    expect(readinessForSignOff(pathway, 1, evidence()).ready).toBe(false)
    expect(readinessForSignOff(pathway, 1, readyStage1).ready).toBe(true)
  })

  it('completes the course on sign-off; Stages 1 to 3 need accreditation; after Stage 3 comes the award', () => {
    expect([0, 1, 2, 3].map((n) => completesOnSignOff(pathway, n))).toEqual([true, false, false, false])
    expect(afterStage(pathway, 1)).toEqual({ kind: 'next', stageNumber: 2 })
    expect(afterStage(pathway, 3)).toEqual({ kind: 'award', title: 'Accredited VIG Practitioner' })
  })

  it('names a stage’s standing', () => {
    expect(stageStatusLabel('signed_off', null)).toBe('Signed off, awaiting accreditation')
    expect(stageStatusLabel('signed_off', '2026-01-01')).toBe('Completed')
    expect(stageStatusLabel('recognised', '2026-01-01')).toBe('Recognised prior learning')
  })
})
