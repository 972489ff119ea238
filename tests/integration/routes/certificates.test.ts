import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { pdfText } from '../../pdf-text'
import { loader as certificatePdf } from '~/routes/certificates.$number.download'
import { action as revokeAction, loader as certificatePage } from '~/routes/certificates.$number'
import { loader as programmeZip } from '~/routes/certificates.programme.$programmeId.zip'
import { loader as portfolioPdf } from '~/routes/enrolments.$enrolmentId.portfolio'
import { loader as verify } from '~/routes/verify.$number'
import { formatDate, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

const TODAY = '2026-11-24'

async function demo() {
  const db = await getDb()
  await seedDemoData(db, TODAY)
  const chloe = await db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.trainee_id')
    .select(['enrolments.id', 'enrolments.programme_id'])
    .where('users.email', '=', 'chloe.evans@demo.attune.test')
    .executeTakeFirstOrThrow()
  const certificates = await db.selectFrom('certificates').selectAll().where('enrolment_id', '=', chloe.id).orderBy('stage_number').orderBy('id').execute()
  const cookie = (who: string) => signInCookie(`${who}@demo.attune.test`, DEMO_PASSWORD)
  return { db, chloe, certificates, cookie }
}

async function bytes(response: Response) {
  return new Uint8Array(await response.arrayBuffer())
}

describe('certificates', () => {
  it('issues one per accredited stage and one for the award, and the award PDF states the whole record', async () => {
    const { certificates, cookie } = await demo()
    expect(certificates.map((c) => c.level)).toEqual(['Stage 1', 'Stage 2', 'Stage 3', 'Accredited VIG Practitioner'])
    const award = certificates[3]
    const response = await run(certificatePdf, getRequest(`/certificates/${award.number}/download`, await cookie('chloe.evans')), { number: award.number })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    const text = pdfText(await bytes(response))
    expect(text).toContain('Chloe Evans')
    expect(text).toContain('Accredited VIG Practitioner')
    expect(text).toContain('AVIGuk practitioner pathway (current) (version 3)')
    expect(text).toContain('Mark Reid')
    expect(text).toContain('Dr Helen Price')
    expect(text).toContain('4 Nov 2026') // accredited 20 days before the demo's today
    expect(text).toMatch(/27 VIG cycles with 8 clients; 23 hours of supervision/)
    expect(text).toContain(award.number)
    expect(text).toContain(`/verify/${award.number}`)
  })

  it('prints the stage totals on a stage certificate', async () => {
    const { certificates, cookie } = await demo()
    const stage2 = certificates[1]
    const text = pdfText(await bytes(await run(certificatePdf, getRequest('/x', await cookie('lead')), { number: stage2.number })))
    expect(text).toContain('Stage 2')
    expect(text).toMatch(/9 VIG cycles with 3 clients; 8 hours of supervision/)
  })

  it('verifies publicly, and says revoked once a lead revokes it with a reason', async () => {
    const { certificates, cookie } = await demo()
    const number = certificates[0].number
    const valid = await (await run(verify, getRequest(`/verify/${number.toLowerCase()}`), { number: number.toLowerCase() })).json()
    expect(valid).toEqual({ number, holder: 'Chloe Evans', level: 'Stage 1', accreditedOn: expect.stringMatching(/2026$/), revokedAt: null })

    const lead = await cookie('lead')
    const refused = await run(revokeAction, formRequest(`/certificates/${number}`, { reason: '' }, lead), { number })
    expect((await refused.json()).fieldErrors.reason).toMatch(/Enter the reason/)
    const revoked = await run(revokeAction, formRequest(`/certificates/${number}`, { reason: 'Issued in error' }, lead), { number })
    expect(revoked.status).toBe(302)
    const after = await (await run(verify, getRequest(`/verify/${number}`), { number })).json()
    expect(after.revokedAt).toMatch(/\d{4}, \d{2}:\d{2}$/)

    const db = await getDb()
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'certificate.revoked').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0].reason).toBe('Issued in error')
  })

  it('answers 404 for an unknown number on the public page', async () => {
    const response = await run(verify, getRequest('/verify/AVIG-0000-0000'), { number: 'AVIG-0000-0000' })
    expect(response.status).toBe(404)
  })

  it('finds a number however it is typed from paper: any case, spaces, no hyphens, O and I for 0 and 1', async () => {
    const { certificates } = await demo()
    const number = certificates[0].number
    const typings = [number.toLowerCase(), number.replace(/-/g, ' '), number.replace(/-/g, ''), number.slice(5), ` ${number.replace(/-/g, '').toLowerCase()} `]
    // Digits 0 and 1 typed as the letters O and I (the alphabet has neither letter).
    typings.push(number.replace(/0/g, 'O').replace(/1/g, 'I').replace(/^AVIG/, 'AVIG'))
    for (const typed of typings) {
      const response = await run(verify, getRequest(`/verify/${encodeURIComponent(typed)}`), { number: typed })
      expect(response.status, typed).toBe(200)
      expect((await response.json()).number).toBe(number)
    }
  })

  it('says which number it could not find, with a 404', async () => {
    await demo()
    const response = await run(verify, getRequest('/verify/AVIG-0000-0001'), { number: 'avig 0000 0001' })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ typed: 'avig 0000 0001' })
  })

  it('lets only people who may see the enrolment download or revoke', async () => {
    const { db, certificates, cookie } = await demo()
    const number = certificates[0].number
    const stranger = await createUser(db, 'trainee')
    const otherLead = await createUser(db, 'lead')
    const strangerCookie = await signInCookie(stranger.email)
    const otherLeadCookie = await signInCookie(otherLead.email)
    for (const c of [strangerCookie, otherLeadCookie, await cookie('trainee'), await cookie('supervisor')]) {
      expect((await run(certificatePdf, getRequest('/x', c), { number })).status).toBe(404)
      expect((await run(certificatePage, getRequest('/x', c), { number })).status).toBe(404)
    }
    // Chloe's own supervisor and accreditor may see it, but not revoke it.
    expect((await run(certificatePdf, getRequest('/x', await cookie('supervisor2')), { number })).status).toBe(200)
    expect((await run(revokeAction, formRequest('/x', { reason: 'No' }, await cookie('accreditor')), { number })).status).toBe(403)
    expect((await run(revokeAction, formRequest('/x', { reason: 'No' }, otherLeadCookie), { number })).status).toBe(404)
  })

  it('zips every certificate of a programme for its lead only', async () => {
    const { db, chloe, cookie } = await demo()
    const response = await run(programmeZip, getRequest('/x', await cookie('lead')), { programmeId: String(chloe.programme_id) })
    expect(response.headers.get('Content-Type')).toBe('application/zip')
    const files = unzipSync(await bytes(response))
    const all = await db.selectFrom('certificates').select('number').execute()
    expect(Object.keys(files)).toHaveLength(all.length)
    for (const { number } of all) expect(Object.keys(files).some((name) => name.includes(number))).toBe(true)
    const other = await createUser(db, 'lead')
    expect((await run(programmeZip, getRequest('/x', await signInCookie(other.email)), { programmeId: String(chloe.programme_id) })).status).toBe(404)
    expect((await run(programmeZip, getRequest('/x', await cookie('supervisor')), { programmeId: String(chloe.programme_id) })).status).toBe(403)
  })
})

describe('the accreditation portfolio', () => {
  it('prints an in-progress trainee’s record per stage, marked in progress, with page numbers', async () => {
    const { db, cookie } = await demo()
    const amira = await db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.trainee_id')
      .select('enrolments.id')
      .where('users.email', '=', 'trainee@demo.attune.test')
      .executeTakeFirstOrThrow()
    const response = await run(portfolioPdf, getRequest('/x', await cookie('trainee')), { enrolmentId: String(amira.id) })
    expect(response.status).toBe(200)
    const text = pdfText(await bytes(response))
    expect(text).toContain('Amira Khan')
    expect(text).toContain('IN PROGRESS')
    expect(text).toMatch(/Stage 1: Accredited/)
    expect(text).toMatch(/Stage 2: In progress/)
    expect(text).toMatch(/Initial Training Course: Completed/)
    expect(text).toContain('AK-01')
    expect(text).toContain('Waiting for confirmation') // her pending Stage 2 session
    expect(text).toMatch(/Signed off by Sarah Thompson on/)
    expect(text).toMatch(/Accredited by Dr Helen Price on/)
    expect(text).toMatch(/Page 1 of \d/)
    expect(text).toContain(`generated ${formatDate(today())}`)
    // Only her own client codes appear: nobody else's records.
    const codes = [...text.matchAll(/\b([A-Z]{2,3})-\d{2}\b/g)].map((m) => m[1])
    expect(new Set(codes)).toEqual(new Set(['AK']))
  })

  it('is not available to someone who may not see the trainee', async () => {
    const { chloe, cookie } = await demo()
    expect((await run(portfolioPdf, getRequest('/x', await cookie('trainee')), { enrolmentId: String(chloe.id) })).status).toBe(404)
    expect((await run(portfolioPdf, getRequest('/x', await cookie('supervisor')), { enrolmentId: String(chloe.id) })).status).toBe(404)
    expect((await run(portfolioPdf, getRequest('/x', await cookie('lead')), { enrolmentId: String(chloe.id) })).status).toBe(200)
    expect((await run(portfolioPdf, getRequest('/x', await cookie('lead')), { enrolmentId: 'abc' })).status).toBe(404)
    const text = pdfText(await bytes(await run(portfolioPdf, getRequest('/x', await cookie('lead')), { enrolmentId: String(chloe.id) })))
    expect(text).toContain('Accredited VIG Practitioner since')
    expect(text).not.toContain('IN PROGRESS')
  })
})
