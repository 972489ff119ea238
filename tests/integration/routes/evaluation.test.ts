import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { createClientRow, createEnrolment, createProgramme, createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { pdfText } from '../../pdf-text'
import { refusal } from '../trainee/context'
import { listClientScores, recordScore } from '~/models/evaluation.server'
import { action as clientAction, loader as clientLoader } from '~/routes/trainee.clients.$clientId'
import { action as feedbackAction, loader as feedbackLoader } from '~/routes/feedback.$token'
import { action as evaluationAction, loader as evaluationPage } from '~/routes/lead.programmes.$programmeId_.evaluation'
import { loader as evaluationData } from '~/routes/lead.programmes.$programmeId_.evaluation.data'
import { loader as evaluationPdf } from '~/routes/lead.programmes.$programmeId_.evaluation.pdf'
import { loader as supervisorPage } from '~/routes/supervisor.trainees.$enrolmentId'
import { getDb } from '~/utils/db.server'

async function measureId(name: string) {
  const db = await getDb()
  return (await db.selectFrom('outcome_measures').select('id').where('name', 'like', `${name}%`).executeTakeFirstOrThrow()).id
}

/** A programme with its lead, a supervisor and one enrolled trainee who is signed in. */
async function world() {
  const db = await getDb()
  const lead = await createUser(db, 'lead')
  const programme = await createProgramme(db, { leadId: lead.id, startedOn: '2026-01-05' })
  const supervisor = await createUser(db, 'supervisor')
  const trainee = await createUser(db, 'trainee')
  const enrolment = await createEnrolment(db, { traineeId: trainee.id, programmeId: programme.id, supervisorId: supervisor.id })
  return { db, lead, programme, supervisor, trainee, enrolment, cookie: await signInCookie(trainee.email) }
}

const scoreForm = (fields: Record<string, string>) => ({ intent: 'score', ...fields })

describe('a trainee records a client’s outcome scores', () => {
  it('saves a before and an after score against the client code', async () => {
    const { db, trainee, cookie } = await world()
    const client = await createClientRow(db, trainee.id, { code: 'AK-01', evaluation: true })
    const psoc = await measureId('Parenting Sense')
    const post = (fields: Record<string, string>) => run(clientAction, formRequest(`/trainee/clients/${client.id}`, scoreForm(fields), cookie), { clientId: String(client.id) })
    expect((await post({ measure_id: String(psoc), time_point: 'before', score: '58', scored_on: '2026-02-01' })).status).toBe(302)
    expect((await post({ measure_id: String(psoc), time_point: 'after', score: '71', scored_on: '2026-05-20' })).status).toBe(302)
    const page = await (await run(clientLoader, getRequest(`/trainee/clients/${client.id}`, cookie), { clientId: String(client.id) })).json()
    expect(page.scores.map((s: { time_point: string; score: number; scored_on: string }) => [s.time_point, s.score, s.scored_on])).toEqual([
      ['before', 58, '2026-02-01'],
      ['after', 71, '2026-05-20'],
    ])
  })

  it('refuses a score outside the range, a date before the work began and an after score with no before score, beside the field, keeping what was typed', async () => {
    const { db, trainee, cookie } = await world()
    const client = await createClientRow(db, trainee.id, { evaluation: true, consentGivenOn: '2026-01-10' })
    const psoc = String(await measureId('Parenting Sense'))
    const post = (fields: Record<string, string>) => run(clientAction, formRequest(`/trainee/clients/${client.id}`, scoreForm(fields), cookie), { clientId: String(client.id) })

    const outOfRange = await refusal(await post({ measure_id: psoc, time_point: 'before', score: '103', scored_on: '2026-02-01' }))
    expect(outOfRange.fieldErrors).toEqual({ score: 'Scores on Parenting Sense of Competence (PSOC) go from 17 to 102: enter a score in that range' })
    expect(outOfRange.values.score).toBe('103')

    const tooEarly = await refusal(await post({ measure_id: psoc, time_point: 'before', score: '50', scored_on: '2026-01-09' }))
    expect(tooEarly.fieldErrors).toEqual({ scored_on: 'The family’s work began when consent was given on 10 Jan 2026: a score cannot be dated before that' })

    const afterFirst = await refusal(await post({ measure_id: psoc, time_point: 'after', score: '60', scored_on: '2026-03-01' }))
    expect(afterFirst.fieldErrors.time_point).toMatch(/^Record .+’s score before VIG on Parenting Sense of Competence \(PSOC\) first/)

    expect(await db.selectFrom('outcome_scores').select('id').where('client_id', '=', client.id).execute()).toEqual([])
  })

  it('refuses scores for a family who did not consent to evaluation', async () => {
    const { db, trainee, cookie } = await world()
    const client = await createClientRow(db, trainee.id, { evaluation: false })
    const response = await run(
      clientAction,
      formRequest(`/trainee/clients/${client.id}`, scoreForm({ measure_id: String(await measureId('Parenting Sense')), time_point: 'before', score: '50', scored_on: '2026-02-01' }), cookie),
      { clientId: String(client.id) },
    )
    expect((await refusal(response)).formError).toMatch(/has not consented to their scores being used/)
  })
})

describe('who sees scores', () => {
  it('a trainee sees only their own clients’ scores, a supervisor their trainees’, a lead none', async () => {
    const { db, trainee, supervisor, lead, enrolment, programme } = await world()
    const client = await createClientRow(db, trainee.id, { code: 'AK-02', evaluation: true })
    await recordScore(db, {
      traineeId: trainee.id,
      enrolmentId: enrolment.id,
      clientId: client.id,
      input: { measure_id: await measureId('Parenting Stress'), time_point: 'before', score: 90, scored_on: '2026-02-01' },
    })
    const otherTrainee = await createUser(db, 'trainee')
    const otherSupervisor = await createUser(db, 'supervisor')
    await createEnrolment(db, { traineeId: otherTrainee.id, programmeId: programme.id, supervisorId: otherSupervisor.id })

    expect(await listClientScores(db, trainee, client.id)).toHaveLength(1)
    expect(await listClientScores(db, supervisor, client.id)).toHaveLength(1)
    expect(await listClientScores(db, otherTrainee, client.id)).toEqual([])
    expect(await listClientScores(db, otherSupervisor, client.id)).toEqual([])
    expect(await listClientScores(db, lead, client.id)).toEqual([])

    const otherCookie = await signInCookie(otherTrainee.email)
    expect((await run(clientLoader, getRequest(`/trainee/clients/${client.id}`, otherCookie), { clientId: String(client.id) })).status).toBe(404)
    const recordedByOther = await run(
      clientAction,
      formRequest(
        `/trainee/clients/${client.id}`,
        scoreForm({ measure_id: String(await measureId('Parenting Stress')), time_point: 'after', score: '80', scored_on: '2026-04-01' }),
        otherCookie,
      ),
      { clientId: String(client.id) },
    )
    expect(recordedByOther.status).toBe(404)

    const supervised = await (
      await run(supervisorPage, getRequest(`/supervisor/trainees/${enrolment.id}`, await signInCookie(supervisor.email)), { enrolmentId: String(enrolment.id) })
    ).json()
    expect(supervised.scores.map((s: { code: string; score: number }) => [s.code, s.score])).toEqual([['AK-02', 90]])
  })

  it('the evaluation is the programme lead’s only: another lead and a trainee are refused', async () => {
    const { db, programme, lead, cookie } = await world()
    const otherLead = await createUser(db, 'lead')
    const open = (who: string) => run(evaluationPage, getRequest(`/lead/programmes/${programme.id}/evaluation`, who), { programmeId: String(programme.id) })
    expect((await open(await signInCookie(lead.email))).status).toBe(200)
    expect((await open(await signInCookie(otherLead.email))).status).toBe(404)
    expect((await open(cookie)).status).toBe(403)
  })
})

describe('small numbers in the evaluation report', () => {
  async function scoredFamilies(count: number) {
    const { db, trainee, enrolment, programme, lead } = await world()
    const stress = await measureId('Parenting Stress')
    for (let i = 0; i < count; i++) {
      const client = await createClientRow(db, trainee.id, { code: `FAM-${i + 10}`, evaluation: true })
      await recordScore(db, {
        traineeId: trainee.id,
        enrolmentId: enrolment.id,
        clientId: client.id,
        input: { measure_id: stress, time_point: 'before', score: 100 + i * 3, scored_on: '2026-02-01' },
      })
      await recordScore(db, {
        traineeId: trainee.id,
        enrolmentId: enrolment.id,
        clientId: client.id,
        input: { measure_id: stress, time_point: 'after', score: 90 + i * 2, scored_on: '2026-06-01' },
      })
    }
    const response = await run(evaluationPage, getRequest(`/lead/programmes/${programme.id}/evaluation`, await signInCookie(lead.email)), { programmeId: String(programme.id) })
    const text = await response.text()
    const stressSummary = JSON.parse(text).report.measures.find((m: { measure: { name: string } }) => m.measure.name.startsWith('Parenting Stress'))
    return { text, stressSummary, programme, lead }
  }

  it('shows no figure for four families, and never a client code', async () => {
    const { text, stressSummary } = await scoredFamilies(4)
    expect(stressSummary).toMatchObject({ started: null, paired: null, change: null })
    expect(text).not.toContain('FAM-')
  })

  it('shows the figures for five families', async () => {
    const { text, stressSummary } = await scoredFamilies(5)
    // Changes: −10, −11, −12, −13, −14: mean −12, SD 1.58, all negative so Wilcoxon V = 0, exact p = 0.0625.
    expect(stressSummary).toMatchObject({ started: 5, paired: 5, droppedOut: 0, inProgress: 0, improved: true })
    expect(stressSummary.change.meanChange).toBeCloseTo(-12, 10)
    expect(stressSummary.change.wilcoxon).toEqual({ statistic: 0, pValue: 0.0625, exact: true })
    expect(text).not.toContain('FAM-')
  })

  it('exports the anonymised data for an evaluator: numbered families, no codes, no dates', async () => {
    const { programme, lead } = await scoredFamilies(5)
    const csv = await (
      await run(evaluationData, getRequest(`/lead/programmes/${programme.id}/evaluation/data`, await signInCookie(lead.email)), { programmeId: String(programme.id) })
    ).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('family,measure,construct,better,min_score,max_score,before,after,follow_up,days_before_to_after,status')
    expect(lines[1]).toBe('F001,"Parenting Stress Index, Short Form (PSI-SF)",parenting stress,lower,36,180,100,90,,120,completed')
    expect(lines).toHaveLength(6)
    expect(csv).not.toMatch(/FAM-|2026-/)
  })
})

describe('one-time feedback links', () => {
  it('work once, without an account, and the feedback reaches the programme', async () => {
    const { db, programme, lead } = await world()
    const leadCookie = await signInCookie(lead.email)
    const made = await (
      await run(evaluationAction, formRequest(`/lead/programmes/${programme.id}/evaluation`, { intent: 'feedback-link', respondent: 'manager' }, leadCookie), {
        programmeId: String(programme.id),
      })
    ).json()
    const token = new URL(made.link.url).pathname.split('/').pop()!
    expect(await db.selectFrom('feedback_links').select('token_hash').where('token_hash', '=', token).executeTakeFirst()).toBeUndefined()

    const open = await (await run(feedbackLoader, getRequest(`/feedback/${token}`), { token })).json()
    expect(open).toEqual({ valid: true, respondent: 'manager', programme: programme.name })
    const answer = { acceptability: '4', feasibility: '3', helped: 'Protected time for staff.', got_in_the_way: '' }
    expect((await run(feedbackAction, formRequest(`/feedback/${token}`, answer), { token })).status).toBe(200)
    expect(
      await db.selectFrom('evaluation_feedback').select(['respondent', 'acceptability', 'feasibility', 'helped', 'via_link']).where('programme_id', '=', programme.id).execute(),
    ).toEqual([{ respondent: 'manager', acceptability: 4, feasibility: 3, helped: 'Protected time for staff.', via_link: 1 }])

    expect((await (await run(feedbackLoader, getRequest(`/feedback/${token}`), { token })).json()).valid).toBe(false)
    expect((await refusal(await run(feedbackAction, formRequest(`/feedback/${token}`, answer), { token }))).formError).toMatch(/already been used or has expired/)
    expect(await db.selectFrom('evaluation_feedback').select('id').where('programme_id', '=', programme.id).execute()).toHaveLength(1)
  })

  it('refuses free text with a phone number in it', async () => {
    const { db, programme, lead } = await world()
    const made = await (
      await run(evaluationAction, formRequest(`/lead/programmes/${programme.id}/evaluation`, { intent: 'feedback-link', respondent: 'family' }, await signInCookie(lead.email)), {
        programmeId: String(programme.id),
      })
    ).json()
    const token = new URL(made.link.url).pathname.split('/').pop()!
    const answer = await refusal(
      await run(feedbackAction, formRequest(`/feedback/${token}`, { acceptability: '5', feasibility: '5', helped: 'Call me on 07700 900123', got_in_the_way: '' }), { token }),
    )
    expect(answer.fieldErrors.helped).toMatch(/^Remove the number/)
    expect(await db.selectFrom('evaluation_feedback').select('id').where('programme_id', '=', programme.id).execute()).toEqual([])
  })
})

describe('the demo programme’s evaluation', () => {
  // Seeding the demo and rendering a four-page PDF: a budget for a loaded machine, not a speed check.
  it('is meaningful on first start, with the sensitivity rating suppressed, and prints as a PDF', { timeout: 30_000 }, async () => {
    const db = await getDb()
    await seedDemoData(db, '2026-11-24')
    const { id } = await db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()
    const lead = await signInCookie('lead@demo.attune.test', DEMO_PASSWORD)
    const page = await (await run(evaluationPage, getRequest(`/lead/programmes/${id}/evaluation`, lead), { programmeId: String(id) })).json()
    const byName = Object.fromEntries(page.report.measures.map((m: { measure: { name: string }; paired: number | null; change: unknown }) => [m.measure.name, [m.paired, m.change !== null]]))
    expect(byName).toEqual({
      'CARE-Index, adult sensitivity': [null, false],
      'Parenting Sense of Competence (PSOC)': [9, true],
      'Parenting Stress Index, Short Form (PSI-SF)': [9, true],
      'Postpartum Bonding Questionnaire (PBQ)': [9, true],
    })
    const pdf = await run(evaluationPdf, getRequest(`/lead/programmes/${id}/evaluation/pdf`, lead), { programmeId: String(id) })
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()))
    expect(text).toContain('Did VIG help the families?')
    expect(text).toContain('Wilcoxon signed-rank test')
    expect(text).toMatch(/Managers[\s\S]*Not shown: fewer than 5 responses/)
  })
})
