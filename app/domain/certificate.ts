// What a certificate states about the work behind it. A stage certificate carries that stage's
// completed cycles, new clients and confirmed supervision; the award certificate (Accredited VIG
// Practitioner) carries the whole pathway's. Counting is readiness's (one computation everywhere).
import { stageReadiness, type StageEvidence } from './readiness'
import type { RuleSet } from './rule-set'

export interface WorkTotals {
  cycles: number
  clients: number
  supervisionMinutes: number
}

export function stageTotals(ruleSet: RuleSet, stageNumber: number, evidence: StageEvidence): WorkTotals {
  const { requirements } = stageReadiness(ruleSet, stageNumber, evidence)
  const done = (key: string) => requirements.find((r) => r.key === key)?.done ?? 0
  return { cycles: done('cycles'), clients: done('new_clients'), supervisionMinutes: done('supervision') }
}

/** Totals over every stage up to and including `throughStage`; new clients add up to distinct clients. */
export function pathwayTotals(ruleSet: RuleSet, throughStage: number, evidence: StageEvidence): WorkTotals {
  return ruleSet.stages
    .filter((s) => s.stageNumber <= throughStage)
    .map((s) => stageTotals(ruleSet, s.stageNumber, evidence))
    .reduce((sum, t) => ({ cycles: sum.cycles + t.cycles, clients: sum.clients + t.clients, supervisionMinutes: sum.supervisionMinutes + t.supervisionMinutes }), {
      cycles: 0,
      clients: 0,
      supervisionMinutes: 0,
    })
}
