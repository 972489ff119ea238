import { describe, expect, it } from 'vitest'
import { requirementDifferences, versionChangePreview, versionChangeProblem } from '~/domain/version-change'
import { completedCycles, currentPathway, earlierPathway, evidence, repeat, sessions, verpPathway } from './fixtures'

const current = { ...currentPathway(), pathwayId: 1 }
const variant = { ...current, id: 9, name: 'Northshire', stages: current.stages.map((s) => (s.stageNumber === 3 ? { ...s, requiredNewClients: 4 } : s)) }

describe('requirementDifferences', () => {
  it('names only what differs: Stage 3 new clients 3 → 4', () => {
    expect(requirementDifferences(current, variant)).toEqual([{ stageName: 'Stage 3', label: 'New clients', before: '3', after: '4' }])
  })

  it('compares the earlier 18-cycle model with the 2026 model stage by stage, naming the stage it lacks', () => {
    const differences = requirementDifferences(earlierPathway(), currentPathway())
    expect(differences.filter((d) => d.stageName === 'Stage 1').map((d) => [d.label, d.before, d.after])).toEqual([
      ['Completed cycles', '9', '6'],
      ['New clients', '3', '2'],
      ['Confirmed supervision', '7 h 30 min', '7 h'],
      ['Written reflection', 'Yes', 'No'],
      ['Ends with', 'Mid-point presentation', 'Transition meeting'],
      ['Expected length', '9 months', '6 months'],
    ])
    expect(differences.at(-1)).toEqual({ stageName: 'Stage 3', label: 'Stage', before: 'Not in this version', after: 'Added' })
  })
})

describe('versionChangeProblem', () => {
  it('allows another version of the pathway with the trainee’s stage, and refuses the rest', () => {
    expect(versionChangeProblem(current, variant, 3)).toBeNull()
    expect(versionChangeProblem(current, current, 3)).toBe('The trainee already follows this version')
    expect(versionChangeProblem(current, { ...verpPathway(), pathwayId: 2 }, 1)).toBe('Choose a version of the same pathway')
    expect(versionChangeProblem(current, { ...earlierPathway(), pathwayId: 1 }, 3)).toBe('AVIGuk practitioner pathway (earlier model) has no stage 3, the trainee’s current stage')
    expect(versionChangeProblem(current, { ...earlierPathway(), pathwayId: 1 }, 2)).toBeNull()
  })
})

describe('versionChangePreview', () => {
  it('a Stage 3 trainee with 12 cycles over 3 clients, 8 hours, introduction and reflection: ready now, one new client short on the variant', () => {
    const ev = evidence({
      cycles: completedCycles(12, { stageNumber: 3, clientIds: [1, 2, 3] }),
      supervision: sessions(repeat(8, 60), { stageNumber: 3 }),
      introductionSessionStages: [3],
      writtenReflectionStages: [3],
    })
    const preview = versionChangePreview(current, variant, 3, ev)
    expect(preview.before.ready).toBe(true)
    expect(preview.after.missing).toEqual(['1 more new client this stage'])
    expect(preview.remainingBefore).toEqual({ cycles: 0, newClients: 0, supervisionMinutes: 0 })
    expect(preview.remainingAfter).toEqual({ cycles: 0, newClients: 1, supervisionMinutes: 0 })
  })
})
