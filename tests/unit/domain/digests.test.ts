import { describe, expect, it } from 'vitest'
import { flagChanges, oldestFirst, overdueForAccreditation, snapshotOf } from '~/domain/digests'
import type { Flag } from '~/domain/risk'

const flag = (code: Flag['code'], severity: Flag['severity']): Flag => ({ code, severity, reason: code, nextStep: '', actor: 'lead' })

describe('digest rules', () => {
  it('lists oldest first, then by trainee', () => {
    const items = [
      { since: '2026-11-24', traineeName: 'Amira' },
      { since: '2026-09-13', traineeName: 'Farah' },
      { since: '2026-11-08', traineeName: 'Ella' },
      { since: '2026-11-08', traineeName: 'Dan' },
    ]
    expect(oldestFirst(items).map((i) => i.traineeName)).toEqual(['Farah', 'Dan', 'Ella', 'Amira'])
  })

  it.each([
    ['2026-11-18', 14, false],
    ['2026-11-04', 14, true],
    ['2026-11-15', 14, false], // 14 days exactly: not yet past the threshold
    ['2026-11-14', 14, true],
  ])('signed off %s, threshold %i days, on 29 Nov 2026: overdue %s', (signedOffOn, waitingDays, overdue) => {
    expect(overdueForAccreditation([{ enrolmentId: 1, signedOffOn, waitingDays }], '2026-11-29').length === 1).toBe(overdue)
  })

  it('reports flags new since the last digest, and amber turned red; not the same flag again', () => {
    const previous = snapshotOf(new Map([[1, [flag('supervision_gap', 'amber'), flag('cycle_gap', 'red')]]]))
    const now = [flag('supervision_gap', 'red'), flag('cycle_gap', 'red'), flag('behind_pace', 'amber')]
    expect(flagChanges(previous, 1, now).map((f) => [f.code, f.change])).toEqual([
      ['supervision_gap', 'worse'],
      ['behind_pace', 'new'],
    ])
    expect(flagChanges(null, 1, now)).toHaveLength(3)
    expect(flagChanges(previous, 2, [flag('cycle_gap', 'amber')]).map((f) => f.change)).toEqual(['new'])
  })
})
