import { describe, expect, it } from 'vitest'
import {
  costToComplete,
  feesIncurred,
  monthsFrom,
  sustainabilityReport,
  type ProgrammeFees,
  type SupervisorFacts,
  type SustainabilityInput,
  type TraineeFacts,
} from '~/domain/sustainability'
import { currentPathway, earlierPathway } from './fixtures'

// Fees of the current model, as seeded: ITC £425, Stage 1 £640, Stage 2 £800, Stage 3 £880, registration £60.
const current = currentPathway()
// One supervisor with the whole pooled capacity of the worked examples: 10 h a month.
const SARAH: SupervisorFacts = { id: 1, name: 'Sarah Thompson', capacityMinutesPerMonth: 600 }
const noOverrides: ProgrammeFees = { registrationFeePence: null, stageFeePence: {} }

function trainee(overrides: Partial<TraineeFacts> & Pick<TraineeFacts, 'name'>): TraineeFacts {
  return {
    enrolmentId: 1,
    status: 'active',
    ruleSet: current,
    currentStage: 1,
    supervisorId: SARAH.id,
    remaining: { cycles: 0, newClients: 0, supervisionMinutes: 0 },
    projectedAccreditationOn: null,
    flags: [],
    startedStages: [
      { stageNumber: 0, recognised: false },
      { stageNumber: 1, recognised: false },
    ],
    registrationPaid: true,
    ...overrides,
  }
}

const started = (...stages: number[]) => stages.map((stageNumber) => ({ stageNumber, recognised: false }))

describe('cost to complete', () => {
  it.each([
    {
      case: 'Stage 1, registration paid: Stages 2 and 3 still to pay',
      facts: trainee({ name: 'A' }),
      fees: noOverrides,
      // 80,000 + 88,000
      expected: { stageFeesPence: 168_000, registrationPence: 0, totalPence: 168_000 },
    },
    {
      case: 'Stage 1, registration unpaid: the rule set’s £60 too',
      facts: trainee({ name: 'A', registrationPaid: false }),
      fees: noOverrides,
      expected: { stageFeesPence: 168_000, registrationPence: 6_000, totalPence: 174_000 },
    },
    {
      case: 'the programme’s Stage 2 fee and registration fee override the rule set’s',
      facts: trainee({ name: 'A', registrationPaid: false }),
      fees: { registrationFeePence: 7_500, stageFeePence: { 2: 70_000 } },
      // 70,000 + 88,000 + 7,500
      expected: { stageFeesPence: 158_000, registrationPence: 7_500, totalPence: 165_500 },
    },
    {
      case: 'Stage 3 already started: nothing left but an unpaid registration',
      facts: trainee({ name: 'A', currentStage: 3, startedStages: started(0, 1, 2, 3), registrationPaid: false }),
      fees: noOverrides,
      expected: { stageFeesPence: 0, registrationPence: 6_000, totalPence: 6_000 },
    },
    {
      case: 'the earlier model: Stage 2 (to accreditation) still to pay',
      facts: trainee({ name: 'A', ruleSet: earlierPathway() }),
      fees: noOverrides,
      expected: { stageFeesPence: 80_000, registrationPence: 0, totalPence: 80_000 },
    },
  ])('$case', ({ facts, fees, expected }) => {
    expect(costToComplete(facts, fees)).toEqual(expected)
  })

  it.each([
    { case: 'ITC and Stage 1 started, registration paid', facts: trainee({ name: 'A' }), expected: 42_500 + 64_000 + 6_000 },
    {
      case: 'a stage recognised from earlier training was not paid by the programme',
      facts: trainee({
        name: 'A',
        startedStages: [
          { stageNumber: 0, recognised: true },
          { stageNumber: 1, recognised: false },
        ],
      }),
      expected: 64_000 + 6_000,
    },
    { case: 'registration not yet paid', facts: trainee({ name: 'A', registrationPaid: false, startedStages: started(0) }), expected: 42_500 },
  ])('fees incurred: $case', ({ facts, expected }) => {
    expect(feesIncurred(facts, noOverrides)).toBe(expected)
  })
})

describe('months', () => {
  it.each([
    { from: '2027-01-15', to: '2027-03-31', expected: ['2027-01-01', '2027-02-01', '2027-03-01'] },
    { from: '2026-11-24', to: '2027-03-24', expected: ['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01'] },
    { from: '2027-01-15', to: '2027-01-20', expected: ['2027-01-01'] },
    { from: '2027-05-15', to: '2027-01-20', expected: ['2027-05-01'] },
  ])('from $from to $to', ({ from, to, expected }) => {
    expect(monthsFrom(from, to)).toEqual(expected)
  })
})

// A programme worked by hand. As of 1 Jan 2027 (so January counts whole), funding ends 31 Mar 2027:
// three months (Jan, Feb, Mar). Supervisors' capacity 10 h (600 min) a month. The programme pays £700 for Stage 2.
//   Asha  Stage 2, 15 h supervision left, projected 10 Mar 2027 (Jan–Mar at her pace: 3 months)
//   Ben   Stage 1, 20 h left, projected 20 Jun 2027 (Jan–Jun at his pace: 6 months), a red flag
//   Cara  paused in Stage 1, 5 h left, her Initial Training Course recognised from earlier training
//   Dev   accredited; Eve withdrawn after the course
const handWorked: SustainabilityInput = {
  asOf: '2027-01-01',
  endsOn: '2027-03-31',
  capacityMinutesPerMonth: 600,
  supervisors: [SARAH],
  budgetPence: 1_000_000,
  fees: { registrationFeePence: null, stageFeePence: { 2: 70_000 } },
  trainees: [
    trainee({
      enrolmentId: 1,
      name: 'Asha',
      currentStage: 2,
      startedStages: started(0, 1, 2),
      remaining: { cycles: 15, newClients: 3, supervisionMinutes: 900 },
      projectedAccreditationOn: '2027-03-10',
    }),
    trainee({
      enrolmentId: 2,
      name: 'Ben',
      registrationPaid: false,
      remaining: { cycles: 24, newClients: 7, supervisionMinutes: 1200 },
      projectedAccreditationOn: '2027-06-20',
      flags: [
        { severity: 'red', reason: 'Projected accreditation is after the funding ends' },
        { severity: 'amber', reason: 'No cycle for 9 weeks' },
      ],
    }),
    trainee({
      enrolmentId: 3,
      name: 'Cara',
      status: 'paused',
      startedStages: [
        { stageNumber: 0, recognised: true },
        { stageNumber: 1, recognised: false },
      ],
      remaining: { cycles: 27, newClients: 8, supervisionMinutes: 300 },
    }),
    trainee({ enrolmentId: 4, name: 'Dev', status: 'accredited', currentStage: 3, startedStages: started(0, 1, 2, 3) }),
    trainee({ enrolmentId: 5, name: 'Eve', status: 'withdrawn', currentStage: 0, startedStages: started(0), registrationPaid: false }),
  ],
}

describe('the sustainability report, worked by hand', () => {
  const report = sustainabilityReport(handWorked)

  it('counts the programme', () => {
    expect(report.headline).toEqual({ enrolled: 5, inTraining: 3, accredited: 1, withdrawn: 1, paused: 1, atRisk: 1, finishingLate: 1 })
    expect(report.pipeline).toEqual([
      { label: 'Stage 1', count: 2 },
      { label: 'Stage 2', count: 1 },
      { label: 'Accredited', count: 1 },
    ])
    expect(report.trainees.map((t) => [t.name, t.stageName, t.finishesByEnd])).toEqual([
      ['Asha', 'Stage 2', true],
      ['Ben', 'Stage 1', false],
      ['Cara', 'Stage 1', null],
    ])
    expect(report.unprojected).toEqual(['Cara'])
  })

  it('spreads demand by the end date and at each trainee’s pace', () => {
    // By the end date: Asha 900/3 + Ben 1200/3 + Cara 300/3 = 300 + 400 + 100 = 800 min a month.
    // At pace: Asha 900/3 = 300; Ben 1200/6 = 200 (Apr–Jun's 600 fall after the end); Cara none.
    expect(report.demand.months).toEqual(
      ['2027-01-01', '2027-02-01', '2027-03-01'].map((month) => ({ month, share: 1, byEndMinutes: 800, atPaceMinutes: 500, capacityMinutes: 600, overCapacity: true })),
    )
    expect(report.demand.monthsOverCapacity).toEqual(['2027-01-01', '2027-02-01', '2027-03-01'])
    expect(report.demand.atPaceAfterEndMinutes).toBe(600)
    expect(report.demand.unprojectedMinutes).toBe(300)
  })

  it('costs the rest of the training against the budget left', () => {
    // Still to pay: Asha Stage 3 88,000; Ben Stage 2 70,000 + Stage 3 88,000 + registration 6,000;
    // Cara Stage 2 70,000 + Stage 3 88,000 = 410,000 (stage fees 404,000, registration 6,000).
    expect(report.totals).toEqual({ cycles: 66, newClients: 18, supervisionMinutes: 2400, stageFeesPence: 404_000, registrationPence: 6_000, totalPence: 410_000 })
    expect(report.trainees.map((t) => t.cost.totalPence)).toEqual([88_000, 164_000, 158_000])
    // Incurred: Asha 42,500 + 64,000 + 70,000 + 6,000 = 182,500; Ben 42,500 + 64,000 = 106,500;
    // Cara 64,000 + 6,000 = 70,000 (ITC recognised); Dev 42,500 + 64,000 + 70,000 + 88,000 + 6,000 = 270,500;
    // Eve 42,500. Total 672,000, so 328,000 of the 1,000,000 is left: 82,000 short of 410,000.
    expect(report.budget).toEqual({ budgetPence: 1_000_000, incurredPence: 672_000, remainingPence: 328_000, costToCompletePence: 410_000, balancePence: -82_000 })
  })

  it('buckets projected accreditations by quarter against the end date', () => {
    expect(report.quarters).toEqual([
      { start: '2027-01-01', label: 'Jan–Mar 2027', names: ['Asha'], containsEnd: true, afterEnd: false },
      { start: '2027-04-01', label: 'Apr–Jun 2027', names: ['Ben'], containsEnd: false, afterEnd: true },
    ])
  })

  it('recommends from the numbers', () => {
    expect(report.recommendations).toEqual([
      // Ben: 1200/3 − 1200/6 = 200 min a month more than his pace, 3 h 20 min, rounded up to 4 hours.
      '1 trainee cannot finish before 31 Mar 2027 at their current pace: Ben (projected 20 Jun 2027). Finishing them by then needs 4 more supervision hours a month from Jan 2027 than at their current pace, and 24 cycles between them in 3 months.',
      // Sarah Thompson, the only supervisor, holds the whole pool: her own figures say the same.
      'Add 3 h 20 min a month for Sarah Thompson (13 h 20 min needed, 10 h available a month): their trainees (Asha, Ben, Cara) cannot all finish by 31 Mar 2027 in the time they have, and no other supervisor has the spare hours to take one of them.',
      // 800 − 600 = 200 min short, 4 whole hours; 2400 min at 600 a month is 4 months, Jan to Apr.
      'Finishing everyone by 31 Mar 2027 needs 13 h 20 min of supervision a month against the supervisors’ capacity of 10 h a month: 4 hours a month short in each of the 3 months from Jan 2027 to Mar 2027. Either add 4 hours a month of supervisor time, or plan for 4 months of supervision at the present capacity, to Apr 2027.',
      'Finishing costs £4,100 in fees (£4,040 stage fees, £60 registration) against £3,280 of budget left: £820 short.',
      '1 trainee is paused (Cara) with 5 h of supervision and 27 cycles still to do: they count in the demand to finish by 31 Mar 2027 but have no projected date. Agree a restart date with them.',
    ])
  })
})

describe('recommendations', () => {
  const onTrack = trainee({
    name: 'Asha',
    currentStage: 3,
    startedStages: started(0, 1, 2, 3),
    remaining: { cycles: 4, newClients: 1, supervisionMinutes: 240 },
    projectedAccreditationOn: '2027-02-20',
  })
  const base: SustainabilityInput = {
    asOf: '2027-01-01',
    endsOn: '2027-03-31',
    capacityMinutesPerMonth: 600,
    supervisors: [SARAH],
    budgetPence: 500_000,
    fees: noOverrides,
    trainees: [onTrack],
  }

  it('says nothing when every trainee finishes in time, within capacity and budget', () => {
    expect(sustainabilityReport(base).recommendations).toEqual([])
  })

  it.each([
    {
      case: 'demand at pace above capacity in some months, though it fits by the end date',
      // 240 min over Jan–Feb at pace = 120 a month, above a capacity of 100; by the end date 80 a month.
      input: { ...base, capacityMinutesPerMonth: 100 },
      expected:
        'At their current pace the trainees need more supervision than the capacity of 1 h 40 min a month in Jan 2027, Feb 2027 (up to 2 h): book those sessions early, or spread them into quieter months before 31 Mar 2027.',
    },
    {
      case: 'no capacity recorded',
      input: { ...base, capacityMinutesPerMonth: 0 },
      expected:
        "No supervision capacity is recorded for this programme, and finishing everyone by 31 Mar 2027 needs 1 h 20 min of supervision a month (4 h in all). Record each supervisor's monthly capacity.",
    },
    {
      case: 'fees already paid exceed the budget',
      // Incurred: Asha 42,500 + 64,000 + 80,000 + 88,000 + 6,000 = 280,500, Ben the same less the
      // registration, 274,500: 555,000 against a budget of 200,000, so 355,000 over. Ben's unpaid
      // £60 makes it 361,000 short.
      input: {
        ...base,
        budgetPence: 200_000,
        trainees: [
          onTrack,
          trainee({
            name: 'Ben',
            currentStage: 3,
            startedStages: started(0, 1, 2, 3),
            registrationPaid: false,
            remaining: { cycles: 0, newClients: 0, supervisionMinutes: 0 },
            projectedAccreditationOn: '2027-01-15',
          }),
        ],
      },
      expected: 'Finishing costs £60 in fees (£0 stage fees, £60 registration) against £0 of budget left: £3,610 short. Fees already paid exceed the budget by £3,550.',
    },
    {
      case: 'an end date already passed',
      input: { ...base, endsOn: '2026-12-31', trainees: [] },
      expected: 'The end date, 31 Dec 2026, is before the as-of date, 1 Jan 2027: all the remaining work is counted in Jan 2027. Choose the date the training must now finish by.',
    },
  ])('$case', ({ input, expected }) => {
    expect(sustainabilityReport(input).recommendations).toEqual([expected])
  })

  it('keeps fractions of a minute when spreading unevenly and rounds only in words', () => {
    // 1000 min over Jan–Mar = 333⅓ a month; 3 × 333⅓ = 1000 exactly, nothing lost.
    const report = sustainabilityReport({ ...base, trainees: [{ ...onTrack, remaining: { cycles: 0, newClients: 0, supervisionMinutes: 1000 }, projectedAccreditationOn: '2027-03-01' }] })
    const months = report.demand.months.map((m) => m.byEndMinutes)
    expect(months[0]).toBeCloseTo(333.333, 3)
    expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9)
    expect(report.demand.monthsOverCapacity).toEqual([])
  })
})

// Per supervisor, with the current model's stage supervision (Stage 1 7 h, Stages 2 and 3 8 h each,
// db/seed/rule-sets.ts). As of 16 Nov 2026, funding ends 31 Jan 2027: November counts for its 15
// days left of 30 (half a month), then December and January whole: 2.5 months.
//   Sarah Thompson, 8 h (480 min) a month: Amira, all of Stages 2 and 3 left (960 min), and Ben,
//     2 h of Stage 2 and all of Stage 3 (600 min): 1560 / 2.5 = 624 min (10 h 24 min) a month.
//   Mark Jones, 6 h (360 min) a month: Dev, 3 h of Stage 3 left (180 min): 72 min a month.
// Pooled: 1740 / 2.5 = 696 min a month against 840: "not over capacity", while Sarah is 144 min short.
describe('per-supervisor capacity, current month pro rata', () => {
  const minutes = (stage: number) => current.stages.find((s) => s.stageNumber === stage)!.requiredSupervisionMinutes
  const sarah: SupervisorFacts = { id: 1, name: 'Sarah Thompson', capacityMinutesPerMonth: 480 }
  const mark: SupervisorFacts = { id: 2, name: 'Mark Jones', capacityMinutesPerMonth: 360 }
  const left = (supervisionMinutes: number) => ({ cycles: 0, newClients: 0, supervisionMinutes })
  const amira = trainee({ enrolmentId: 1, name: 'Amira Khan', currentStage: 2, supervisorId: 1, remaining: left(minutes(2) + minutes(3)), projectedAccreditationOn: '2027-01-20' })
  const ben = trainee({ enrolmentId: 2, name: 'Ben Carter', currentStage: 2, supervisorId: 1, remaining: left(120 + minutes(3)), projectedAccreditationOn: '2027-01-25' })
  const dev = trainee({ enrolmentId: 3, name: 'Dev Patel', currentStage: 3, supervisorId: 2, remaining: left(180), projectedAccreditationOn: '2027-01-10' })
  const input: SustainabilityInput = {
    asOf: '2026-11-16',
    endsOn: '2027-01-31',
    capacityMinutesPerMonth: 840,
    supervisors: [sarah, mark],
    budgetPence: 10_000_000,
    fees: noOverrides,
    trainees: [amira, ben, dev],
  }

  it('uses the pathway’s real stage minutes', () => {
    expect([minutes(1), minutes(2), minutes(3)]).toEqual([420, 480, 480])
  })

  it('counts the current month only for its days left, demand and capacity alike', () => {
    const report = sustainabilityReport(input)
    expect(report.demand.months.map((m) => [m.month, m.share, m.byEndMinutes, m.capacityMinutes, m.overCapacity])).toEqual([
      ['2026-11-01', 0.5, 348, 420, false],
      ['2026-12-01', 1, 696, 840, false],
      ['2027-01-01', 1, 696, 840, false],
    ])
    expect(report.demand.months.reduce((sum, m) => sum + m.byEndMinutes, 0)).toBeCloseTo(1740, 9)
  })

  it('shows each supervisor against their own capacity, month by month', () => {
    const [markLoad, sarahLoad] = sustainabilityReport(input).demand.supervisors
    expect(sarahLoad).toMatchObject({ name: 'Sarah Thompson', capacityMinutesPerMonth: 480, neededMinutesPerMonth: 624, shortMinutesPerMonth: 144 })
    expect(sarahLoad.trainees).toEqual([
      { name: 'Amira Khan', minutesPerMonth: 384 },
      { name: 'Ben Carter', minutesPerMonth: 240 },
    ])
    expect(sarahLoad.months.map((m) => [m.month, m.byEndMinutes, m.capacityMinutes, m.overCapacity])).toEqual([
      ['2026-11-01', 312, 240, true],
      ['2026-12-01', 624, 480, true],
      ['2027-01-01', 624, 480, true],
    ])
    expect(markLoad).toMatchObject({ name: 'Mark Jones', capacityMinutesPerMonth: 360, neededMinutesPerMonth: 72, shortMinutesPerMonth: 0 })
    expect(markLoad.months.every((m) => !m.overCapacity)).toBe(true)
  })

  it('recommends moving the smallest trainee that clears the shortfall to a supervisor with room', () => {
    // Sarah is 144 min short; Ben's 240 a month clears it and fits Mark's 288 spare (Amira's 384 would not).
    expect(sustainabilityReport(input).recommendations).toEqual([
      'Move Ben Carter (4 h a month) from Sarah Thompson (10 h 24 min needed, 8 h available a month) to Mark Jones (1 h 12 min needed, 6 h available a month): both then have enough time to finish their trainees by 31 Jan 2027.',
    ])
  })

  it('recommends adding hours when no supervisor has room for a trainee', () => {
    const tight = { ...input, supervisors: [sarah, { ...mark, capacityMinutesPerMonth: 120 }] }
    expect(sustainabilityReport(tight).recommendations[0]).toBe(
      'Add 2 h 24 min a month for Sarah Thompson (10 h 24 min needed, 8 h available a month): their trainees (Amira Khan, Ben Carter) cannot all finish by 31 Jan 2027 in the time they have, and no other supervisor has the spare hours to take one of them.',
    )
  })

  it('shows a supervisor with no capacity recorded as such, not as over capacity', () => {
    const report = sustainabilityReport({ ...input, supervisors: [sarah, { ...mark, capacityMinutesPerMonth: null }] })
    const markLoad = report.demand.supervisors[0]
    expect(markLoad).toMatchObject({ capacityMinutesPerMonth: null, shortMinutesPerMonth: 0 })
    expect(markLoad.months.map((m) => [m.capacityMinutes, m.overCapacity])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ])
    expect(report.recommendations).toContain(
      'No monthly capacity is recorded for Mark Jones, whose trainees (Dev Patel) need 1 h 12 min of supervision a month to finish by 31 Jan 2027. Record it in the programme’s details.',
    )
    // Nowhere to move Ben: Sarah's shortfall becomes hours to add.
    expect(report.recommendations[0]).toMatch(/^Add 2 h 24 min a month for Sarah Thompson/)
  })

  it('groups trainees with no supervisor last and says so', () => {
    const report = sustainabilityReport({ ...input, trainees: [amira, ben, { ...dev, supervisorId: null }] })
    expect(report.demand.supervisors.map((l) => [l.name, l.trainees.length])).toEqual([
      ['Mark Jones', 0],
      ['Sarah Thompson', 2],
      ['No supervisor', 1],
    ])
    expect(report.recommendations).toContain('1 trainee has no supervisor (Dev Patel), needing 1 h 12 min of supervision a month between them: assign one.')
  })
})
