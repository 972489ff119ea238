// What a certificate states about the work behind it. A stage certificate carries that stage's
// completed cycles, new clients and confirmed supervision; the award certificate (Accredited VIG
// Practitioner) carries the whole pathway's. Counting is readiness's (one computation everywhere).
import { stageReadiness, type StageEvidence } from './readiness'
import type { RuleSet } from './rule-set'

/**
 * The letters of a certificate number's code: Crockford's base32, without I, L, O and U, so that a
 * number read off paper can be typed back. Numbers look like 'AVIG-7K2M-9QXD' (utils/tokens.server.ts).
 */
export const CERTIFICATE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const CERTIFICATE_PREFIX = 'AVIG'
const CODE_LENGTH = 8
// What people type for the digits the alphabet leaves no room to mistake (Crockford's decoding).
const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1', L: '1' }

/**
 * A certificate number as a person types it from paper, in the one form Attune stores:
 * 'avig 7k2m 9qxd', 'AVIG7K2M9QXD', '7K2M-9QXD' and 'AVIG-7K2M-9QX0' with an O for the zero all
 * read 'AVIG-7K2M-9QXD'-style. Case, spaces, hyphens and dots do not matter, the prefix may be
 * left off, and O, I and L in the code are the digits 0, 1, 1 (the alphabet has no such letters).
 * Text that cannot be a number is returned trimmed and in capitals, and so matches nothing.
 */
export function readCertificateNumber(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s\-‐‑‒–—.·_/]/g, '')
  const code = compact.length === CODE_LENGTH ? compact : compact.replace(/^AV[I1L]G/, '')
  const digits = [...code].map((c) => LOOK_ALIKES[c] ?? c).join('')
  if (digits.length !== CODE_LENGTH || [...digits].some((c) => !CERTIFICATE_ALPHABET.includes(c))) return typed.trim().toUpperCase()
  return `${CERTIFICATE_PREFIX}-${digits.slice(0, 4)}-${digits.slice(4)}`
}

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
