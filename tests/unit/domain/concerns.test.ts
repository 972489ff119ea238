import { describe, expect, it } from 'vitest'
import { concernState, concernsNeedingAttention } from '~/domain/concerns'

describe('concern state', () => {
  const firing = new Set(['supervision_gap'])
  it.each([
    [{ flagCode: 'supervision_gap', reviewOn: null, clearedAt: null }, 'open'],
    [{ flagCode: 'supervision_gap', reviewOn: '2026-11-25', clearedAt: null }, 'open'],
    [{ flagCode: 'supervision_gap', reviewOn: '2026-11-24', clearedAt: null }, 'review_due'],
    [{ flagCode: 'cycle_gap', reviewOn: '2026-11-01', clearedAt: null }, 'resolved'],
    [{ flagCode: 'supervision_gap', reviewOn: null, clearedAt: '2026-11-20T10:00:00.000Z' }, 'closed'],
  ] as const)('%o is %s on 24 Nov 2026', (concern, state) => {
    expect(concernState(concern, firing, '2026-11-24')).toBe(state)
  })
})

describe('concerns needing attention', () => {
  it('counts those being handled or due for review, not resolved or closed ones', () => {
    const firing = new Set(['supervision_gap', 'cycle_gap'])
    const concerns = [
      { flagCode: 'supervision_gap', reviewOn: null, clearedAt: null }, // being handled
      { flagCode: 'cycle_gap', reviewOn: '2026-11-20', clearedAt: null }, // review due
      { flagCode: 'behind_pace', reviewOn: null, clearedAt: null }, // resolved: the flag no longer fires
      { flagCode: 'supervision_gap', reviewOn: null, clearedAt: '2026-11-01T10:00:00.000Z' }, // closed
    ]
    expect(concernsNeedingAttention(concerns, firing, '2026-11-30')).toBe(2)
    expect(concernsNeedingAttention([], firing, '2026-11-30')).toBe(0)
  })
})
