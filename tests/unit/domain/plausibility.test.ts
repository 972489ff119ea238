import { describe, expect, it } from 'vitest'
import { evidenceByDay, implausibleEvidence, implausibleOn } from '~/domain/plausibility'
import { completedCycles, currentPathway, evidence, sessions } from './fixtures'

const limits = currentPathway().thresholds

describe('the seeded plausibility limits', () => {
  it('warn above 5 hours of supervision or 4 shared reviews on one day', () => {
    expect(limits.maxSupervisionMinutesPerDay).toBe(300)
    expect(limits.maxSharedReviewsPerDay).toBe(4)
  })
})

describe('implausibleEvidence', () => {
  it('warns about 8 hours of supervision on one day, naming the day and the usual limit', () => {
    const found = implausibleEvidence(limits, [{ date: '2026-11-24', supervisionMinutes: 480, sharedReviews: 0 }])
    expect(found).toEqual([
      {
        date: '2026-11-24',
        kind: 'supervision',
        amount: 480,
        limit: 300,
        message: '8 hours of supervision are logged on 24 Nov 2026, more than the 5 hours a day that is usual. Check the dates and that no session is logged twice.',
      },
    ])
  })

  it('warns about 9 shared reviews on one day', () => {
    const found = implausibleEvidence(limits, [{ date: '2026-11-24', supervisionMinutes: 0, sharedReviews: 9 }])
    expect(found.map((f) => [f.kind, f.amount, f.limit])).toEqual([['shared_reviews', 9, 4]])
    expect(found[0].message).toBe('9 shared reviews are logged on 24 Nov 2026, more than the 4 shared reviews a day that is usual. Check the shared review dates.')
  })

  it.each([
    { minutes: 300, reviews: 4, kinds: [] },
    { minutes: 301, reviews: 4, kinds: ['supervision'] },
    { minutes: 300, reviews: 5, kinds: ['shared_reviews'] },
    { minutes: 330, reviews: 5, kinds: ['supervision', 'shared_reviews'] },
  ])('$minutes minutes and $reviews shared reviews on one day: $kinds', ({ minutes, reviews, kinds }) => {
    expect(implausibleEvidence(limits, [{ date: '2026-11-24', supervisionMinutes: minutes, sharedReviews: reviews }]).map((f) => f.kind)).toEqual(kinds)
  })

  it('follows the rule set’s own limits: a variant allowing 8 hours does not warn at 8 hours', () => {
    const variant = { ...limits, maxSupervisionMinutesPerDay: 480, maxSharedReviewsPerDay: 2 }
    const found = implausibleEvidence(variant, [{ date: '2026-11-24', supervisionMinutes: 480, sharedReviews: 3 }])
    expect(found.map((f) => f.kind)).toEqual(['shared_reviews'])
  })

  it('lists days oldest first', () => {
    const found = implausibleEvidence(limits, [
      { date: '2026-11-24', supervisionMinutes: 0, sharedReviews: 6 },
      { date: '2026-10-01', supervisionMinutes: 360, sharedReviews: 0 },
    ])
    expect(found.map((f) => f.date)).toEqual(['2026-10-01', '2026-11-24'])
  })
})

describe('evidenceByDay', () => {
  it('adds pending and confirmed sessions held on one day, ignores returned ones, and counts shared reviews by review date', () => {
    const days = evidenceByDay(
      evidence({
        supervision: [
          ...sessions([120, 120], { stageNumber: 1, status: 'confirmed', heldOn: '2026-11-24' }),
          ...sessions([240], { stageNumber: 1, status: 'pending', heldOn: '2026-11-24' }),
          ...sessions([240], { stageNumber: 1, status: 'returned', heldOn: '2026-11-24' }),
        ],
        cycles: [...completedCycles(9, { stageNumber: 1, clientIds: [1, 2], reviewedOn: '2026-11-24' }), { clientId: 3, filmedOn: '2026-11-24', reviewedOn: null, stageNumber: null }],
      }),
    )
    expect(days).toEqual([{ date: '2026-11-24', supervisionMinutes: 480, sharedReviews: 9 }])
  })

  it('a normal Stage 1 — 7 one-hour sessions and 6 shared reviews on separate days — warns about nothing', () => {
    const dates = ['2026-01-05', '2026-02-02', '2026-03-02', '2026-04-06', '2026-05-04', '2026-06-01', '2026-06-29']
    const ev = evidence({
      supervision: sessions([60, 60, 60, 60, 60, 60, 60], { stageNumber: 1, heldOn: dates }),
      cycles: completedCycles(6, { stageNumber: 1, clientIds: [1, 2], reviewedOn: dates.slice(0, 6) }),
    })
    expect(implausibleEvidence(limits, evidenceByDay(ev))).toEqual([])
  })
})

describe('implausibleOn', () => {
  it('only warns about the days asked for', () => {
    const ev = evidence({
      supervision: sessions([240, 240], { stageNumber: 1, status: 'pending', heldOn: '2026-11-24' }),
      cycles: completedCycles(5, { stageNumber: 1, clientIds: [1], reviewedOn: '2026-11-20' }),
    })
    expect(implausibleOn(limits, ev, ['2026-11-24']).map((f) => f.kind)).toEqual(['supervision'])
    expect(implausibleOn(limits, ev, ['2026-11-20', null]).map((f) => f.kind)).toEqual(['shared_reviews'])
    expect(implausibleOn(limits, ev, ['2026-11-01'])).toEqual([])
  })
})
