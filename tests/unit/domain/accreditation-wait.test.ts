import { describe, expect, it } from 'vitest'
import { accreditationWait } from '~/domain/accreditation-wait'
import { currentPractitionerRuleSet, ruleSetSeeds } from '~db/seed/rule-sets'

// The seeded threshold: 14 days for every rule set (db/seed/rule-sets.ts).
const waitingDays = currentPractitionerRuleSet.thresholds.waitingDays

describe('accreditation wait', () => {
  it('uses the seeded threshold of 14 days in every rule set', () => {
    expect(waitingDays).toBe(14)
    expect(ruleSetSeeds.map((r) => r.thresholds.waitingDays)).toEqual(ruleSetSeeds.map(() => 14))
  })

  it.each([
    ['2026-11-30', 0, false], // signed off today
    ['2026-11-16', 14, false], // exactly the threshold: not yet overdue
    ['2026-11-15', 15, true], // a day past it
    ['2026-10-31', 30, true],
    ['2026-12-02', 0, false], // a sign-off dated after today (clock skew) never counts negative
  ])('signed off %s, on 30 Nov 2026: %i days waiting, overdue %s', (signedOffOn, daysWaiting, overdue) => {
    expect(accreditationWait(signedOffOn, '2026-11-30', waitingDays)).toEqual({ daysWaiting, overdue })
  })

  it('follows a changed threshold in the rule set', () => {
    expect(accreditationWait('2026-11-20', '2026-11-30', 7)).toEqual({ daysWaiting: 10, overdue: true })
    expect(accreditationWait('2026-11-20', '2026-11-30', 10)).toEqual({ daysWaiting: 10, overdue: false })
  })
})
