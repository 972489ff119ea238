import { describe, expect, it } from 'vitest'
import { forecastEnrolment } from '~/domain/forecast'
import { completedCycles, currentPathway, earlierPathway, evidence, repeat, sessions } from './fixtures'

const current = currentPathway()
const earlier = earlierPathway()

// Stage 1 of the current model, done by the end of 2025 with clients 1 and 2.
const stage1Done = {
  cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2], reviewedOn: '2025-12-01' }),
  supervision: sessions(repeat(7, 60), { stageNumber: 1, heldOn: '2025-12-01' }),
}

describe('from the expected stage lengths', () => {
  it('a fresh stage ends its expected 6 months after it started; later stages add 6 months each', () => {
    const forecast = forecastEnrolment({ ruleSet: current, currentStage: 1, stageStartedOn: '2026-03-02', evidence: evidence(), today: '2026-03-02' })
    expect(forecast).toEqual({
      stageCompletesOn: '2026-09-02',
      accreditationOn: '2027-09-02',
      basis: 'expected_length',
      basisText: 'from the expected 6 months a stage',
    })
  })

  it('uses the earlier model’s 9-month stages', () => {
    const forecast = forecastEnrolment({ ruleSet: earlier, currentStage: 1, stageStartedOn: '2026-03-02', evidence: evidence(), today: '2026-03-02' })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-12-02', accreditationOn: '2027-09-02', basisText: 'from the expected 9 months a stage' })
  })

  it('keeps the expected end while the work left fits in the time left', () => {
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 1,
      stageStartedOn: '2026-02-02',
      evidence: evidence({
        cycles: completedCycles(3, { stageNumber: 1, clientIds: [1], reviewedOn: '2026-02-20' }),
        supervision: sessions([240], { stageNumber: 1, heldOn: '2026-02-20' }),
      }),
      today: '2026-03-02',
    })
    // progress = (3/6 + 1/2 + 240/420) / 3 = 0.5238; 47.6% of 184 days = 88 days → 29 May 2026,
    // earlier than the expected end 2 Aug 2026, so the expected end stands.
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-08-02', accreditationOn: '2027-08-02', basis: 'expected_length' })
  })

  it('a stalled stage is projected from today by the share of work still to do, never in the past', () => {
    // Started 9 months ago; 2 cycles with 1 client in July, outside the pace window; no supervision.
    // progress = (2/6 + 1/2 + 0) / 3 = 0.2778; 72.2% of the 184 days from 2 Mar to 2 Sep = 133 days.
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 1,
      stageStartedOn: '2025-06-01',
      evidence: evidence({ cycles: completedCycles(2, { stageNumber: 1, clientIds: [1], reviewedOn: '2025-07-01' }) }),
      today: '2026-03-02',
    })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-07-13', accreditationOn: '2027-07-13', basis: 'expected_length' })
  })

  it('with nothing done on a stalled stage, takes the full expected length from today', () => {
    const forecast = forecastEnrolment({ ruleSet: current, currentStage: 2, stageStartedOn: '2025-01-10', evidence: evidence(stage1Done), today: '2026-03-02' })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-09-02', accreditationOn: '2027-03-02' })
  })

  it.each([
    { today: '2026-03-10', stageCompletesOn: '2026-04-02', accreditationOn: '2027-10-02' },
    { today: '2026-05-01', stageCompletesOn: '2026-05-01', accreditationOn: '2027-11-01' },
  ])('the course (1 month, no measurable work) seen on $today completes $stageCompletesOn', ({ today, stageCompletesOn, accreditationOn }) => {
    const forecast = forecastEnrolment({ ruleSet: current, currentStage: 0, stageStartedOn: '2026-03-02', evidence: evidence(), today })
    expect(forecast).toEqual({ stageCompletesOn, accreditationOn, basis: 'expected_length', basisText: "from each stage's expected length" })
  })
})

describe('from recent pace', () => {
  const today = '2026-06-01'
  // The 90-day window runs 4 Mar to 1 Jun 2026 inclusive.

  it('the slower of cycles and supervision decides', () => {
    // Stage 2: 3 cycles and 4 one-hour sessions in the window.
    // Cycles: 6 left at 3 per 90 days = 180 days. Supervision: 240 min left at 240 per 90 days = 90 days.
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 2,
      stageStartedOn: '2026-03-01',
      evidence: evidence({
        ...stage1Done,
        cycles: [...stage1Done.cycles, ...completedCycles(3, { stageNumber: 2, clientIds: [3, 4, 5], reviewedOn: ['2026-04-01', '2026-05-01', '2026-05-20'] })],
        supervision: [...stage1Done.supervision, ...sessions(repeat(4, 60), { stageNumber: 2, heldOn: ['2026-04-01', '2026-04-15', '2026-05-01', '2026-05-15'] })],
        introductionSessionStages: [2],
      }),
      today,
    })
    expect(forecast).toEqual({
      stageCompletesOn: '2026-11-28',
      accreditationOn: '2027-05-28',
      basis: 'recent_pace',
      basisText: 'at your pace over the last 90 days, then 6 months for the final stage',
    })
  })

  it('counts only events inside the window (3 Mar is 90 days ago, outside; 4 Mar is inside)', () => {
    // Stage 2: 6 cycles in the window (3 left: 45 days); 4 confirmed hours of which 2 in the window:
    // 240 min left at 120 per 90 days = 180 days.
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 2,
      stageStartedOn: '2026-03-01',
      evidence: evidence({
        cycles: [...stage1Done.cycles, ...completedCycles(6, { stageNumber: 2, clientIds: [3, 4, 5], reviewedOn: '2026-05-01' })],
        supervision: [...stage1Done.supervision, ...sessions(repeat(4, 60), { stageNumber: 2, heldOn: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-05-01'] })],
      }),
      today,
      paceWindowDays: 90,
    })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-11-28', basis: 'recent_pace' })
  })

  it('a missing new client needs at least one more cycle even when the cycle count is met', () => {
    // 6 cycles with client 1 only, all supervision confirmed: 1 cycle left at 6 per 90 days = 15 days.
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 1,
      stageStartedOn: '2026-03-01',
      evidence: evidence({
        cycles: completedCycles(6, { stageNumber: 1, clientIds: [1], reviewedOn: '2026-05-01' }),
        supervision: sessions(repeat(7, 60), { stageNumber: 1, heldOn: '2026-05-01' }),
      }),
      today,
    })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-06-16', accreditationOn: '2027-06-16', basis: 'recent_pace' })
  })

  it('needs history only for the work still needed', () => {
    // Cycles all done long ago; 2 recent sessions of 90 min: 240 min left at 180 per 90 days = 120 days.
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 1,
      stageStartedOn: '2026-01-01',
      evidence: evidence({
        cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2], reviewedOn: '2026-01-20' }),
        supervision: sessions([90, 90], { stageNumber: 1, heldOn: '2026-05-01' }),
      }),
      today,
    })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-09-29', basis: 'recent_pace' })
  })

  it.each([
    { name: 'one cycle and many sessions', cycles: 1, clientIds: [1], sessionCount: 6 },
    { name: 'many cycles and one session', cycles: 4, clientIds: [1, 2], sessionCount: 1 },
  ])('falls back to the expected length with $name in the window', ({ cycles, clientIds, sessionCount }) => {
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 1,
      stageStartedOn: '2026-03-01',
      evidence: evidence({
        cycles: completedCycles(cycles, { stageNumber: 1, clientIds, reviewedOn: '2026-05-01' }),
        supervision: sessions(repeat(sessionCount, 60), { stageNumber: 1, heldOn: '2026-05-01' }),
      }),
      today,
    })
    expect(forecast).toMatchObject({ stageCompletesOn: '2026-09-01', basis: 'expected_length' })
  })
})

describe('when the stage work is done', () => {
  it('a ready stage completes today', () => {
    const forecast = forecastEnrolment({
      ruleSet: current,
      currentStage: 1,
      stageStartedOn: '2025-06-01',
      evidence: evidence({ ...stage1Done, writtenReflectionStages: [1] }),
      today: '2026-03-02',
    })
    expect(forecast).toEqual({
      stageCompletesOn: '2026-03-02',
      accreditationOn: '2027-03-02',
      basis: 'stage_work_done',
      basisText: 'Stage 1 is ready for sign-off, then 6 months for each later stage',
    })
  })

  it('the final stage with cycles and supervision done but no reflection yet completes today', () => {
    const forecast = forecastEnrolment({
      ruleSet: earlier,
      currentStage: 2,
      stageStartedOn: '2025-06-01',
      evidence: evidence({
        cycles: completedCycles(9, { stageNumber: 2, clientIds: [1, 2, 3], reviewedOn: '2025-12-01' }),
        supervision: sessions(repeat(5, 90), { stageNumber: 2, heldOn: '2025-12-01' }),
      }),
      today: '2026-03-02',
    })
    expect(forecast).toEqual({
      stageCompletesOn: '2026-03-02',
      accreditationOn: '2026-03-02',
      basis: 'stage_work_done',
      basisText: 'the cycles and supervision for Stage 2 (to accreditation) are done',
    })
  })
})
