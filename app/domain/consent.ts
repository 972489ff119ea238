// Consent rules for a client's video (DOMAIN.md, "Consent and data protection"): consent is
// recorded before filming and says who may see the video: supervision, intervision with other
// trainees (a group session), and, separately, showing clips at training events. Consent can be
// withdrawn at any time; after that no new work is logged with the family's video. Evaluation is a
// scope of its own (issue 16): only a family who agreed has outcome scores recorded.
import { formatDate, type CalendarDate } from '~/utils/dates'

export interface Consent {
  givenOn: CalendarDate | null
  supervision: boolean
  intervision: boolean
  trainingEvents: boolean
  evaluation: boolean
  withdrawnOn: CalendarDate | null
}

/** Why a new cycle filmed on `filmedOn` cannot be logged for this client, or null when it can. */
export function cycleConsentProblem(consent: Consent, filmedOn: CalendarDate | null): string | null {
  if (consent.withdrawnOn) {
    return `Consent was withdrawn on ${formatDate(consent.withdrawnOn)}, so no new cycles can be logged for this client`
  }
  if (!consent.givenOn || !consent.supervision) {
    return 'This client has not given consent for their video to be used in supervision. Record their consent on the client’s page first'
  }
  if (filmedOn && filmedOn < consent.givenOn) {
    return `Consent was given on ${formatDate(consent.givenOn)}, after this filming date. Consent must be recorded before filming`
  }
  return null
}

/** Why this client's video cannot be discussed in a session held on `heldOn` in `format`, or null. */
export function sessionConsentProblem(code: string, consent: Consent, heldOn: CalendarDate, format: 'one_to_one' | 'group' | 'remote'): string | null {
  if (consent.withdrawnOn && consent.withdrawnOn <= heldOn) {
    return `${code} withdrew consent on ${formatDate(consent.withdrawnOn)}, so their video cannot be discussed after that`
  }
  if (!consent.givenOn || !consent.supervision || consent.givenOn > heldOn) {
    return `${code} had not given consent for supervision by ${formatDate(heldOn)}`
  }
  if (format === 'group' && !consent.intervision) {
    return `${code} has not consented to intervision with other trainees, so their video cannot be discussed in a group session`
  }
  return null
}

/**
 * Why outcome scores dated `scoredOn` cannot be recorded for this client, or null when they can:
 * the family must have consented to evaluation, on or before that date, and not withdrawn since.
 */
export function evaluationConsentProblem(consent: Consent, scoredOn: CalendarDate | null): string | null {
  if (consent.withdrawnOn) return `Consent was withdrawn on ${formatDate(consent.withdrawnOn)}, so no scores can be recorded for this client`
  if (!consent.givenOn || !consent.evaluation) {
    return 'This family has not consented to their scores being used in the programme’s evaluation. Record their consent on this page first'
  }
  if (scoredOn && scoredOn < consent.givenOn) return `The family’s work began when consent was given on ${formatDate(consent.givenOn)}: a score cannot be dated before that`
  return null
}

/** What the consent allows, in one line: 'Supervision and intervision' or 'Withdrawn on 3 Mar 2026'. */
export function consentSummary(consent: Consent): string {
  if (consent.withdrawnOn) return `Withdrawn on ${formatDate(consent.withdrawnOn)}`
  const scopes = [
    consent.supervision ? 'supervision' : null,
    consent.intervision ? 'intervision' : null,
    consent.trainingEvents ? 'training events' : null,
    consent.evaluation ? 'evaluation' : null,
  ].filter((s): s is string => s !== null)
  if (!consent.givenOn || scopes.length === 0) return 'No consent recorded'
  const list = scopes.length === 1 ? scopes[0] : `${scopes.slice(0, -1).join(', ')} and ${scopes[scopes.length - 1]}`
  return `${list.charAt(0).toUpperCase()}${list.slice(1)}`
}
