import { describe, expect, it } from 'vitest'
import { consentSummary, cycleConsentProblem, sessionConsentProblem, type Consent } from '~/domain/consent'

const full: Consent = { givenOn: '2026-02-01', supervision: true, intervision: true, trainingEvents: false, evaluation: false, withdrawnOn: null }

describe('logging a cycle needs supervision consent', () => {
  it.each([
    { name: 'consent for supervision', consent: full, filmedOn: '2026-02-10', problem: null },
    { name: 'filmed on the day consent was given', consent: full, filmedOn: '2026-02-01', problem: null },
    { name: 'no consent date', consent: { ...full, givenOn: null }, filmedOn: '2026-02-10', problem: /not given consent for their video to be used in supervision/ },
    { name: 'consent without the supervision scope', consent: { ...full, supervision: false }, filmedOn: '2026-02-10', problem: /not given consent/ },
    {
      name: 'consent withdrawn',
      consent: { ...full, withdrawnOn: '2026-03-03' },
      filmedOn: '2026-02-10',
      problem: 'Consent was withdrawn on 3 Mar 2026, so no new cycles can be logged for this client',
    },
    { name: 'filmed before consent', consent: full, filmedOn: '2026-01-31', problem: /Consent was given on 1 Feb 2026, after this filming date/ },
  ])('$name', ({ consent, filmedOn, problem }) => {
    const found = cycleConsentProblem(consent, filmedOn)
    if (problem === null) expect(found).toBeNull()
    else expect(found).toMatch(problem)
  })
})

describe('discussing a client in supervision', () => {
  it.each([
    { name: 'one-to-one with supervision consent', consent: { ...full, intervision: false }, format: 'one_to_one' as const, problem: null },
    { name: 'group needs intervision consent', consent: { ...full, intervision: false }, format: 'group' as const, problem: /not consented to intervision/ },
    { name: 'group with intervision consent', consent: full, format: 'group' as const, problem: null },
    { name: 'held before consent', consent: { ...full, givenOn: '2026-03-01' }, format: 'remote' as const, problem: /had not given consent for supervision by 15 Feb 2026/ },
    { name: 'held after withdrawal', consent: { ...full, withdrawnOn: '2026-02-10' }, format: 'remote' as const, problem: /FAM-07 withdrew consent on 10 Feb 2026/ },
    { name: 'held before a later withdrawal', consent: { ...full, withdrawnOn: '2026-03-10' }, format: 'remote' as const, problem: null },
  ])('$name', ({ consent, format, problem }) => {
    const found = sessionConsentProblem('FAM-07', consent, '2026-02-15', format)
    if (problem === null) expect(found).toBeNull()
    else expect(found).toMatch(problem)
  })
})

describe('consent in one line', () => {
  it.each([
    [full, 'Supervision and intervision'],
    [{ ...full, trainingEvents: true }, 'Supervision, intervision and training events'],
    [{ ...full, intervision: false }, 'Supervision'],
    [{ ...full, supervision: false, intervision: false }, 'No consent recorded'],
    [{ ...full, givenOn: null }, 'No consent recorded'],
    [{ ...full, withdrawnOn: '2026-04-02' }, 'Withdrawn on 2 Apr 2026'],
  ])('%j', (consent, summary) => {
    expect(consentSummary(consent)).toBe(summary)
  })
})
