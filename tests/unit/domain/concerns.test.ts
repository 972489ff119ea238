import { describe, expect, it } from 'vitest'
import { concernState } from '~/domain/concerns'

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
