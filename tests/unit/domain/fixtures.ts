// Builders for domain tests: the two seeded AVIGuk rule sets as domain objects (taken from the very
// data db/seed puts in the database) and small factories for an enrolment's evidence.
import type { CycleEvidence, StageEvidence, SupervisionEvidence } from '~/domain/readiness'
import type { RuleSet } from '~/domain/rule-set'
import { currentPractitionerRuleSet, earlierPractitionerRuleSet, verpRuleSet, type RuleSetSeed } from '~db/seed/rule-sets'

/** The current model: ITC then three stages (27 cycles, 8 new clients, 23 hours), as seeded. */
export function currentPathway(overrides: Partial<RuleSet> = {}): RuleSet {
  return { ...fromSeed(1, currentPractitionerRuleSet), ...overrides }
}

/** The earlier model: ITC then two 9-month halves either side of a mid-point (18 cycles, 6 clients, 15 hours). */
export function earlierPathway(overrides: Partial<RuleSet> = {}): RuleSet {
  return { ...fromSeed(2, earlierPractitionerRuleSet), ...overrides }
}

/** VERP: an introductory course, then one stage of 3 cycles, 1 new client and 3 hours, as seeded. */
export function verpPathway(overrides: Partial<RuleSet> = {}): RuleSet {
  return { ...fromSeed(3, verpRuleSet), ...overrides }
}

// A deep copy, so a test that edits its rule set never changes the seed data for the next test.
function fromSeed(id: number, seed: RuleSetSeed): RuleSet {
  const { pathwayKey: _p, status: _s, effectiveFrom: _e, source: _src, corrects: _c, ...ruleSet } = structuredClone(seed)
  return { id, ...ruleSet }
}

export function evidence(overrides: Partial<StageEvidence> = {}): StageEvidence {
  return { cycles: [], supervision: [], introductionSessionStages: [], writtenReflectionStages: [], courseCompletedStages: [], ...overrides }
}

/**
 * `count` cycles with shared reviews logged in `stageNumber`, spread round-robin over `clientIds`,
 * reviewed on `reviewedOn` (one date, or one per cycle).
 */
export function completedCycles(
  count: number,
  { stageNumber, clientIds, reviewedOn = '2026-03-02' }: { stageNumber: number; clientIds: number[]; reviewedOn?: string | string[] },
): CycleEvidence[] {
  return Array.from({ length: count }, (_, i) => {
    const review = Array.isArray(reviewedOn) ? reviewedOn[i] : reviewedOn
    return { clientId: clientIds[i % clientIds.length], filmedOn: review, reviewedOn: review, stageNumber }
  })
}

/** One session per entry of `minutes`, all with the same status, stage and kind (supervision unless 'training'). */
export function sessions(
  minutes: number[],
  {
    stageNumber,
    status = 'confirmed',
    heldOn = '2026-03-02',
    kind = 'supervision',
  }: { stageNumber: number; status?: SupervisionEvidence['status']; heldOn?: string | string[]; kind?: SupervisionEvidence['kind'] },
): SupervisionEvidence[] {
  return minutes.map((m, i) => ({ heldOn: Array.isArray(heldOn) ? heldOn[i] : heldOn, minutes: m, status, stageNumber, kind }))
}

/** `count` of the same value: repeat(7, 60) = seven one-hour sessions. */
export function repeat<T>(count: number, value: T): T[] {
  return Array.from({ length: count }, () => value)
}
