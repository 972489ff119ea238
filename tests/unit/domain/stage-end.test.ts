import { describe, expect, it } from 'vitest'
import { provisionalNextStage } from '~/domain/stage-end'
import { currentPathway, earlierPathway } from './fixtures'

describe('the stage that opens while one waits for accreditation (ADR 0016)', () => {
  it.each([
    { name: 'current model, Stage 1 signed off on 2 Apr 2026', ruleSet: currentPathway(), stage: 1, signedOffOn: '2026-04-02', expected: { stageNumber: 2, startsOn: '2026-04-03' } },
    { name: 'current model, Stage 2 signed off on 31 Dec 2026', ruleSet: currentPathway(), stage: 2, signedOffOn: '2026-12-31', expected: { stageNumber: 3, startsOn: '2027-01-01' } },
    { name: 'current model, the final Stage 3', ruleSet: currentPathway(), stage: 3, signedOffOn: '2026-04-02', expected: null },
    { name: 'current model, the course (its sign-off completes it)', ruleSet: currentPathway(), stage: 0, signedOffOn: '2026-04-02', expected: null },
    { name: 'earlier 18-cycle model, the mid-point', ruleSet: earlierPathway(), stage: 1, signedOffOn: '2026-02-28', expected: { stageNumber: 2, startsOn: '2026-03-01' } },
    { name: 'earlier 18-cycle model, accreditation', ruleSet: earlierPathway(), stage: 2, signedOffOn: '2026-02-28', expected: null },
  ])('$name', ({ ruleSet, stage, signedOffOn, expected }) => {
    expect(provisionalNextStage(ruleSet, stage, signedOffOn)).toEqual(expected)
  })

  it('opens nothing for a stage whose sign-off completes it (a local variant without external accreditation)', () => {
    const local = currentPathway({ stages: currentPathway().stages.map((s) => (s.stageNumber === 1 ? { ...s, requiresExternalAccreditation: false } : s)) })
    expect(provisionalNextStage(local, 1, '2026-04-02')).toBeNull()
  })
})
