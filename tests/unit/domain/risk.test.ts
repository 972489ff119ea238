import { describe, expect, it } from 'vitest'
import type { StageEvidence } from '~/domain/readiness'
import { stageReadiness } from '~/domain/readiness'
import type { EnrolmentFacts, FlagCode } from '~/domain/risk'
import { riskFlags } from '~/domain/risk'
import type { RuleSet } from '~/domain/rule-set'
import { completedCycles, currentPathway, earlierPathway, evidence, repeat, sessions } from './fixtures'

const current = currentPathway()
const earlier = earlierPathway()
const TODAY = '2026-03-02'

// A trainee on track in Stage 1: 2 cycles with 1 client and 2 hours of supervision, 8 weeks in.
const onTrack = evidence({
  cycles: completedCycles(2, { stageNumber: 1, clientIds: [1], reviewedOn: '2026-02-25' }),
  supervision: sessions([60, 60], { stageNumber: 1, heldOn: '2026-02-20' }),
})

function facts({
  ruleSet = current,
  currentStage = 1,
  stageEvidence = onTrack,
  ...overrides
}: Partial<EnrolmentFacts> & { ruleSet?: RuleSet; stageEvidence?: StageEvidence } = {}): EnrolmentFacts {
  return {
    enrolmentStartedOn: '2025-06-01',
    currentStage,
    stageStartedOn: '2026-01-05',
    lastConfirmedSupervisionOn: '2026-02-20',
    lastCompletedCycleOn: '2026-02-25',
    readiness: stageReadiness(ruleSet, currentStage, stageEvidence),
    forecastAccreditationOn: '2027-06-01',
    fundingEndsOn: '2027-12-31',
    supervisorAssigned: true,
    accreditorAssigned: true,
    clientsWithConsent: 2,
    oldestPendingSessionOn: null,
    oldestUnreadReflectionOn: null,
    readyForSignOffSince: null,
    awaitingAccreditationSince: null,
    recordingErasureDueDates: [],
    ...overrides,
  }
}

function flagged(code: FlagCode, enrolment: EnrolmentFacts, today = TODAY, ruleSet = current) {
  return riskFlags(enrolment, ruleSet, today).filter((f) => f.code === code)
}

function severityOf(code: FlagCode, enrolment: EnrolmentFacts, today = TODAY, ruleSet = current) {
  const found = flagged(code, enrolment, today, ruleSet)
  expect(found.length).toBeLessThanOrEqual(1)
  return found[0]?.severity ?? null
}

const stage1Ready = evidence({
  cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2] }),
  supervision: sessions(repeat(7, 60), { stageNumber: 1 }),
  writtenReflectionStages: [1],
})

it('raises nothing for a trainee on track', () => {
  expect(riskFlags(facts(), current, TODAY)).toEqual([])
})

describe('no confirmed supervision', () => {
  it.each([
    { name: 'exactly 8 weeks', last: '2026-01-05', severity: 'amber' },
    { name: '8 weeks minus a day', last: '2026-01-06', severity: null },
    { name: 'exactly 16 weeks', last: '2025-11-10', severity: 'red' },
    { name: '16 weeks minus a day', last: '2025-11-11', severity: 'amber' },
  ])('last session $name ago: $severity', ({ last, severity }) => {
    expect(severityOf('supervision_gap', facts({ stageStartedOn: '2025-11-03', lastConfirmedSupervisionOn: last }))).toBe(severity)
  })

  it('says why and what to do, with the numbers', () => {
    expect(flagged('supervision_gap', facts({ stageStartedOn: '2025-11-03', lastConfirmedSupervisionOn: '2025-12-29' }))).toEqual([
      {
        code: 'supervision_gap',
        severity: 'amber',
        reason: 'No confirmed supervision for 9 weeks, since 29 Dec 2025 (a concern from 8 weeks, urgent from 16)',
        nextStep: 'Book a supervision session: the last confirmed one was 9 weeks ago',
        actor: 'trainee',
      },
    ])
  })

  it('measures from the stage start when nothing is logged in this stage', () => {
    const [flag] = flagged('supervision_gap', facts({ stageStartedOn: '2026-01-05', lastConfirmedSupervisionOn: '2025-06-01' }))
    expect(flag).toMatchObject({
      severity: 'amber',
      reason: 'No confirmed supervision in the 8 weeks since Stage 1 started on 5 Jan 2026 (a concern from 8 weeks, urgent from 16)',
      nextStep: 'Book your first Stage 1 supervision session: Stage 1 started 8 weeks ago',
    })
  })

  it.each([
    { name: 'a stage starting today', enrolment: facts({ stageStartedOn: TODAY, lastConfirmedSupervisionOn: null }) },
    { name: 'a stage started 8 weeks minus a day ago, last session in the stage before', enrolment: facts({ stageStartedOn: '2026-01-06', lastConfirmedSupervisionOn: '2025-06-01' }) },
    {
      name: 'a stage whose hours are all confirmed',
      enrolment: facts({
        lastConfirmedSupervisionOn: '2025-10-01',
        stageEvidence: evidence({ ...onTrack, supervision: sessions(repeat(7, 60), { stageNumber: 1 }) }),
      }),
    },
    { name: 'the course, which has no supervision', enrolment: facts({ currentStage: 0, stageStartedOn: '2025-10-01', lastConfirmedSupervisionOn: null }) },
  ])('is not raised for $name', ({ enrolment }) => {
    expect(flagged('supervision_gap', enrolment)).toEqual([])
  })
})

describe('no completed cycle', () => {
  it.each([
    { name: 'exactly 8 weeks', last: '2026-01-05', severity: 'amber' },
    { name: '8 weeks minus a day', last: '2026-01-06', severity: null },
    { name: 'exactly 16 weeks', last: '2025-11-10', severity: 'red' },
  ])('last cycle $name ago: $severity', ({ last, severity }) => {
    expect(severityOf('cycle_gap', facts({ stageStartedOn: '2025-11-03', lastCompletedCycleOn: last }))).toBe(severity)
  })

  it('is raised while new clients are missing even with the cycle count met', () => {
    const enrolment = facts({
      stageStartedOn: '2025-11-03',
      lastCompletedCycleOn: '2025-12-01',
      stageEvidence: evidence({ cycles: completedCycles(6, { stageNumber: 1, clientIds: [1] }) }),
    })
    expect(flagged('cycle_gap', enrolment)).toEqual([
      {
        code: 'cycle_gap',
        severity: 'amber',
        reason: 'No completed cycle for 13 weeks, since 1 Dec 2025 (a concern from 8 weeks, urgent from 16)',
        nextStep: 'Film a client and hold the shared review: your last cycle was completed 13 weeks ago',
        actor: 'trainee',
      },
    ])
  })

  it.each([
    { name: 'a stage starting today', enrolment: facts({ stageStartedOn: TODAY, lastCompletedCycleOn: null }) },
    { name: 'the course, which has no cycles', enrolment: facts({ currentStage: 0, stageStartedOn: '2025-10-01', lastCompletedCycleOn: null }) },
    { name: 'a ready stage', enrolment: facts({ stageStartedOn: '2025-10-01', lastCompletedCycleOn: '2025-10-02', stageEvidence: stage1Ready }) },
  ])('is not raised for $name', ({ enrolment }) => {
    expect(flagged('cycle_gap', enrolment)).toEqual([])
  })
})

describe('a trainee who joined part-way (earlier stages recognised)', () => {
  it.each([
    { name: 'stage started when they joined', stageStartedOn: '2026-02-16' },
    { name: 'stage start recorded before they joined', stageStartedOn: '2025-05-01' },
  ])('is not flagged for time before they joined: $name', ({ stageStartedOn }) => {
    const enrolment = facts({
      enrolmentStartedOn: '2026-02-16',
      currentStage: 2,
      stageStartedOn,
      lastConfirmedSupervisionOn: null,
      lastCompletedCycleOn: null,
      stageEvidence: evidence({ introductionSessionStages: [2] }),
    })
    expect(riskFlags(enrolment, current, TODAY)).toEqual([])
  })

  it('is flagged once 8 weeks pass without supervision since joining', () => {
    const enrolment = facts({
      enrolmentStartedOn: '2026-01-05',
      currentStage: 2,
      stageStartedOn: '2025-05-01',
      lastConfirmedSupervisionOn: null,
      lastCompletedCycleOn: null,
      stageEvidence: evidence({ introductionSessionStages: [2] }),
    })
    expect(flagged('supervision_gap', enrolment)[0].reason).toBe('No confirmed supervision in the 8 weeks since you joined on 5 Jan 2026 (a concern from 8 weeks, urgent from 16)')
  })
})

describe('stage past its expected length', () => {
  it.each([
    { ruleSet: current, startedOn: '2025-09-02', today: '2026-03-01', severity: null },
    { ruleSet: current, startedOn: '2025-09-02', today: '2026-03-02', severity: 'amber' },
    { ruleSet: current, startedOn: '2025-09-02', today: '2026-06-01', severity: 'amber' },
    { ruleSet: current, startedOn: '2025-09-02', today: '2026-06-02', severity: 'red' },
    { ruleSet: earlier, startedOn: '2025-09-02', today: '2026-03-02', severity: null },
    { ruleSet: earlier, startedOn: '2025-06-02', today: '2026-03-01', severity: null },
    { ruleSet: earlier, startedOn: '2025-06-02', today: '2026-03-02', severity: 'amber' },
    { ruleSet: earlier, startedOn: '2025-06-02', today: '2026-06-01', severity: 'amber' },
    { ruleSet: earlier, startedOn: '2025-06-02', today: '2026-06-02', severity: 'red' },
  ])('$ruleSet.key Stage 1 started $startedOn, on $today: $severity', ({ ruleSet, startedOn, today, severity }) => {
    const enrolment = facts({ ruleSet, enrolmentStartedOn: '2025-01-01', stageStartedOn: startedOn })
    expect(severityOf('stage_overrun', enrolment, today, ruleSet)).toBe(severity)
  })

  it('words the overrun with the rule set’s months', () => {
    const enrolment = facts({ ruleSet: earlier, enrolmentStartedOn: '2025-01-01', stageStartedOn: '2025-04-15' })
    expect(flagged('stage_overrun', enrolment, TODAY, earlier)).toEqual([
      {
        code: 'stage_overrun',
        severity: 'amber',
        reason: 'Stage 1 (to mid-point) has been open 10 months, past its expected 9 months (a concern from 9 months, urgent from 12)',
        nextStep: 'Meet the trainee and their supervisor to agree protected time and a date to finish Stage 1 (to mid-point)',
        actor: 'lead',
      },
    ])
  })

  it('is not raised once the stage is ready (the wait is then on the supervisor)', () => {
    const enrolment = facts({ stageStartedOn: '2025-01-05', enrolmentStartedOn: '2025-01-01', stageEvidence: stage1Ready })
    expect(flagged('stage_overrun', enrolment)).toEqual([])
  })
})

describe('behind pace', () => {
  // Stage 1 started 5 Jan 2026; its expected 6 months run to 5 Jul 2026 (181 days).
  const nothingDone = facts({ stageEvidence: evidence(), lastConfirmedSupervisionOn: null, lastCompletedCycleOn: null })
  // 1 cycle with 1 client: progress (1/6 + 1/2 + 0) / 3 = 0.222, behind once time share > 0.444, after day 80.
  const oneCycle = facts({ stageEvidence: evidence({ cycles: completedCycles(1, { stageNumber: 1, clientIds: [1] }) }) })

  it.each([
    { name: 'nothing done, day 45 (under a quarter of the time)', enrolment: nothingDone, today: '2026-02-19', severity: null },
    { name: 'nothing done, day 46 (a quarter passed)', enrolment: nothingDone, today: '2026-02-20', severity: 'amber' },
    { name: 'one cycle, day 80', enrolment: oneCycle, today: '2026-03-26', severity: null },
    { name: 'one cycle, day 81', enrolment: oneCycle, today: '2026-03-27', severity: 'amber' },
    { name: 'one cycle, at the expected end (overrun speaks instead)', enrolment: oneCycle, today: '2026-07-05', severity: null },
  ])('$name: $severity', ({ enrolment, today, severity }) => {
    expect(severityOf('behind_pace', enrolment, today)).toBe(severity)
  })

  it('says how far behind and what is left', () => {
    expect(flagged('behind_pace', oneCycle, '2026-03-27')).toEqual([
      {
        code: 'behind_pace',
        severity: 'amber',
        reason: "22% of Stage 1's work done with 45% of its expected 6 months gone (a concern below 50% of the expected pace)",
        nextStep: 'Plan the rest of Stage 1 with your supervisor: 5 more completed cycles, 1 more new client this stage, 7 more hours of confirmed supervision',
        actor: 'trainee',
      },
    ])
  })

  it('uses the earlier model’s 9-month stage: a quarter of 273 days passes on day 69, not day 46', () => {
    const enrolment = facts({ ruleSet: earlier, stageEvidence: evidence(), lastConfirmedSupervisionOn: null, lastCompletedCycleOn: null })
    expect(severityOf('behind_pace', enrolment, '2026-02-20', earlier)).toBeNull()
    expect(severityOf('behind_pace', enrolment, '2026-03-14', earlier)).toBeNull()
    expect(severityOf('behind_pace', enrolment, '2026-03-15', earlier)).toBe('amber')
  })

  it('is never raised for the course, which has no measurable work', () => {
    const enrolment = facts({ currentStage: 0, stageStartedOn: '2026-02-01', stageEvidence: evidence() })
    expect(flagged('behind_pace', enrolment, '2026-02-25')).toEqual([])
  })
})

describe('projected accreditation after funding ends', () => {
  it.each([
    { forecast: '2027-01-01', fundingEnds: '2026-12-31', severity: 'red' },
    { forecast: '2026-12-31', fundingEnds: '2026-12-31', severity: null },
    { forecast: null, fundingEnds: '2026-12-31', severity: null },
    { forecast: '2027-01-01', fundingEnds: null, severity: null },
  ])('accreditation $forecast, funding ends $fundingEnds: $severity', ({ forecast, fundingEnds, severity }) => {
    expect(severityOf('funding_ends_first', facts({ forecastAccreditationOn: forecast, fundingEndsOn: fundingEnds }))).toBe(severity)
  })

  it('is the lead’s to act on', () => {
    expect(flagged('funding_ends_first', facts({ forecastAccreditationOn: '2027-03-02', fundingEndsOn: '2026-12-31' }))).toEqual([
      {
        code: 'funding_ends_first',
        severity: 'red',
        reason: "Projected accreditation on 2 Mar 2027 is 9 weeks after the programme's funding ends on 31 Dec 2026",
        nextStep: 'Agree how the rest of the training will be funded, or what extra time and supervision would finish it by 31 Dec 2026',
        actor: 'lead',
      },
    ])
  })
})

describe('nobody assigned', () => {
  it.each([
    { ruleSet: current, stage: 1, reason: 'No supervisor assigned, and Stage 1 needs 7 hours of supervision' },
    { ruleSet: earlier, stage: 1, reason: 'No supervisor assigned, and Stage 1 (to mid-point) needs 7 hours 30 minutes of supervision' },
  ])('no supervisor in $ruleSet.key stage $stage is red for the lead', ({ ruleSet, stage, reason }) => {
    const enrolment = facts({ ruleSet, currentStage: stage, supervisorAssigned: false })
    expect(flagged('no_supervisor', enrolment, TODAY, ruleSet)).toEqual([
      { code: 'no_supervisor', severity: 'red', reason, nextStep: 'Assign a VIG supervisor to this trainee', actor: 'lead' },
    ])
  })

  it('no external accreditor is amber for the lead', () => {
    expect(flagged('no_accreditor', facts({ accreditorAssigned: false }))).toMatchObject([{ severity: 'amber', actor: 'lead' }])
  })

  it('neither is needed during the course', () => {
    const enrolment = facts({ currentStage: 0, stageStartedOn: '2026-02-23', supervisorAssigned: false, accreditorAssigned: false })
    expect(riskFlags(enrolment, current, TODAY)).toEqual([])
  })
})

describe('no client with consent to start', () => {
  const noCycles = { stageEvidence: evidence(), lastCompletedCycleOn: null }
  it.each([
    { name: 'no cycles, no consenting client', enrolment: facts({ ...noCycles, clientsWithConsent: 0 }), severity: 'amber' },
    { name: 'no cycles, one consenting client', enrolment: facts({ ...noCycles, clientsWithConsent: 1 }), severity: null },
    { name: 'cycles already done', enrolment: facts({ clientsWithConsent: 0 }), severity: null },
    { name: 'the course', enrolment: facts({ ...noCycles, currentStage: 0, stageStartedOn: '2026-02-23', clientsWithConsent: 0 }), severity: null },
  ])('$name: $severity', ({ enrolment, severity }) => {
    expect(severityOf('no_consenting_client', enrolment)).toBe(severity)
  })

  it('names the stage’s cycles', () => {
    expect(flagged('no_consenting_client', facts({ ...noCycles, currentStage: 2, clientsWithConsent: 0 }))[0]).toMatchObject({
      reason: 'No client with consent to supervision to start the 9 cycles of Stage 2',
      actor: 'trainee',
    })
  })
})

describe('waiting on someone else', () => {
  it.each([
    { code: 'session_unconfirmed', field: 'oldestPendingSessionOn', since: '2026-02-17', severity: null, actor: 'supervisor' },
    { code: 'session_unconfirmed', field: 'oldestPendingSessionOn', since: '2026-02-16', severity: 'amber', actor: 'supervisor' },
    { code: 'session_unconfirmed', field: 'oldestPendingSessionOn', since: '2026-02-02', severity: 'red', actor: 'supervisor' },
    { code: 'reflection_unread', field: 'oldestUnreadReflectionOn', since: '2026-02-17', severity: null, actor: 'supervisor' },
    { code: 'reflection_unread', field: 'oldestUnreadReflectionOn', since: '2026-02-16', severity: 'amber', actor: 'supervisor' },
    { code: 'sign_off_waiting', field: 'readyForSignOffSince', since: '2026-02-16', severity: 'amber', actor: 'supervisor' },
    { code: 'accreditation_waiting', field: 'awaitingAccreditationSince', since: '2026-02-17', severity: null, actor: 'accreditor' },
    { code: 'accreditation_waiting', field: 'awaitingAccreditationSince', since: '2026-02-16', severity: 'amber', actor: 'accreditor' },
    { code: 'accreditation_waiting', field: 'awaitingAccreditationSince', since: '2026-02-02', severity: 'red', actor: 'accreditor' },
  ] as const)('$code since $since: $severity, on the $actor', ({ code, field, since, severity, actor }) => {
    const found = flagged(code, facts({ stageEvidence: stage1Ready, [field]: since }))
    expect(found.map((f) => [f.severity, f.actor])).toEqual(severity ? [[severity, actor]] : [])
  })

  it.each([
    {
      field: 'oldestPendingSessionOn',
      reason: 'A supervision session held on 16 Feb 2026 has waited 14 days to be confirmed (a concern from 14 days, urgent from 28)',
      nextStep: 'Confirm the supervision session of 16 Feb 2026, or return it with a comment',
    },
    {
      field: 'oldestUnreadReflectionOn',
      reason: 'A reflection submitted on 16 Feb 2026 has waited 14 days for feedback (a concern from 14 days, urgent from 28)',
      nextStep: 'Read the reflection submitted on 16 Feb 2026 and give feedback',
    },
    {
      field: 'readyForSignOffSince',
      reason: 'Stage 1 has been ready for sign-off for 14 days, since 16 Feb 2026 (a concern from 14 days, urgent from 28)',
      nextStep: 'Hold the transition meeting and sign off Stage 1',
    },
    {
      field: 'awaitingAccreditationSince',
      reason: 'Stage 1 was signed off on 16 Feb 2026 and has waited 14 days for external accreditation (a concern from 14 days, urgent from 28)',
      nextStep: 'Review the sign-off and accredit Stage 1, or return it with reasons',
    },
  ] as const)('words the wait for $field', ({ field, reason, nextStep }) => {
    expect(riskFlags(facts({ stageEvidence: stage1Ready, [field]: '2026-02-16' }), current, TODAY)).toMatchObject([{ reason, nextStep }])
  })

  it('names the end meeting of the earlier model’s mid-point stage', () => {
    const enrolment = facts({
      ruleSet: earlier,
      readyForSignOffSince: '2026-02-16',
      stageEvidence: evidence({
        cycles: completedCycles(9, { stageNumber: 1, clientIds: [1, 2, 3] }),
        supervision: sessions(repeat(5, 90), { stageNumber: 1 }),
        writtenReflectionStages: [1],
      }),
    })
    expect(flagged('sign_off_waiting', enrolment, TODAY, earlier)[0].nextStep).toBe('Hold the mid-point meeting and sign off Stage 1 (to mid-point)')
  })
})

describe('recordings', () => {
  it.each([
    { dues: ['2026-03-01'], overdue: 'red', soon: null },
    { dues: ['2026-03-02'], overdue: null, soon: 'amber' },
    { dues: ['2026-03-16'], overdue: null, soon: 'amber' },
    { dues: ['2026-03-17'], overdue: null, soon: null },
  ])('due $dues: overdue $overdue, due soon $soon', ({ dues, overdue, soon }) => {
    const enrolment = facts({ recordingErasureDueDates: dues })
    expect(severityOf('recordings_overdue', enrolment)).toBe(overdue)
    expect(severityOf('recordings_due_soon', enrolment)).toBe(soon)
  })

  it('counts clients and names the oldest due date', () => {
    const enrolment = facts({ recordingErasureDueDates: ['2026-03-20', '2026-02-27', '2026-03-05', '2026-02-10', '2026-03-12'] })
    expect(flagged('recordings_overdue', enrolment)).toEqual([
      {
        code: 'recordings_overdue',
        severity: 'red',
        reason: 'Recordings for 2 clients are past their erasure date; the oldest was due on 10 Feb 2026',
        nextStep: 'Erase the recordings for 2 clients and record the date they were erased',
        actor: 'trainee',
      },
    ])
    expect(flagged('recordings_due_soon', enrolment)).toEqual([
      {
        code: 'recordings_due_soon',
        severity: 'amber',
        reason: 'Recordings for 2 clients must be erased by 5 Mar 2026, in 3 days (warning from 14 days)',
        nextStep: 'Erase the recordings for 2 clients by 5 Mar 2026 and record the date they were erased',
        actor: 'trainee',
      },
    ])
  })
})

it('lists red flags before amber ones, otherwise in rule order', () => {
  const enrolment = facts({
    accreditorAssigned: false,
    stageStartedOn: '2025-11-03',
    lastConfirmedSupervisionOn: '2026-01-05',
    recordingErasureDueDates: ['2026-02-01'],
    forecastAccreditationOn: '2028-01-01',
  })
  expect(riskFlags(enrolment, current, TODAY).map((f) => [f.code, f.severity])).toEqual([
    ['funding_ends_first', 'red'],
    ['recordings_overdue', 'red'],
    ['supervision_gap', 'amber'],
    ['no_accreditor', 'amber'],
  ])
})
