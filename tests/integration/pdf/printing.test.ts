// Every name prints exactly as entered, emoji never garble their neighbours, long links wrap inside
// the page, and a certificate is one page whatever its fields hold (issue 10, part 1).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createEnrolment, createReflectionRow, createUser } from '../../factories'
import { getRequest, run, signInCookie } from '../../http'
import { pdfPageCount, pdfText, pdfWords } from '../../pdf-text'
import type { CertificateForPdf } from '~/models/certificate.server'
import { renderPdf } from '~/pdf/render.server'
import { loader as portfolioPdf } from '~/routes/enrolments.$enrolmentId.portfolio'
import { getDb } from '~/utils/db.server'

const NAMES: { language: string; name: string }[] = JSON.parse(readFileSync(new URL('../../fixtures/names.json', import.meta.url), 'utf8'))
const CASES = new URL('../shared/cases/', new URL('../../../', import.meta.url))

const NUMBER = 'VIG-7KQ4-M2XP'

function certificate(fields: Partial<CertificateForPdf> = {}): CertificateForPdf {
  return {
    id: 1,
    number: NUMBER,
    enrolment_id: 1,
    stage_number: 1,
    level: 'Stage 1',
    holder_name: 'Nia Hughes',
    accredited_on: '2026-11-04',
    issued_at: '2026-11-04T10:00:00.000Z',
    revoked_at: null,
    revoke_reason: null,
    rule_set_id: 1,
    rule_set_name: 'AVIGuk practitioner pathway (current)',
    rule_set_version: 2,
    pathway_name: 'AVIGuk practitioner pathway',
    supervisor_name: 'Mark Reid',
    accreditor_name: 'Dr Helen Price',
    programme_name: 'Northfield VIG programme',
    organisation_name: 'Northfield NHS Trust',
    override_reason: null,
    award: false,
    totals: { cycles: 6, clients: 2, supervisionMinutes: 420 },
    verificationUrl: `https://attune.example.nhs.uk/verify/${NUMBER}`,
    ...fields,
  }
}

async function certificatePdf(fields: Partial<CertificateForPdf>) {
  return renderPdf({ document: 'certificate', certificate: certificate(fields) })
}

const lines = (text: string) => text.split('\n').map((l) => l.trim())

describe('names in PDFs', () => {
  it(`prints each of ${NAMES.length} names from many languages exactly as entered, on one line, on a certificate`, async () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(30)
    const misprinted: string[] = []
    for (const { language, name } of NAMES) {
      const text = pdfText(await certificatePdf({ holder_name: name, supervisor_name: name }))
      if (lines(text).filter((l) => l === name || l.endsWith(`supervisor ${name}`.replace('supervisor', ''))).length < 1) misprinted.push(`${language}: ${name}`)
      // And in regular weight, beside its label.
      if (!text.includes(`Own supervisor`) || !lines(text).some((l) => l.startsWith('Own supervisor') && l.endsWith(name))) misprinted.push(`${language} (regular): ${name}`)
    }
    expect(misprinted).toEqual([])
  }, 120_000)
})

describe('a certificate', () => {
  it('is exactly one page with every field at the longest the forms allow, the number and QR code included', async () => {
    const longName = 'Wąsowicz-Kowalczyk '.repeat(7).slice(0, 120).trim()
    const reason = `${'The trainee’s sixth client moved away before the last shared review, so the panel agreed to accept five cycles. '.repeat(18)}`.slice(0, 1990) + ' END-REASON'
    const bytes = await certificatePdf({
      holder_name: longName,
      supervisor_name: 'Ż'.repeat(120),
      accreditor_name: 'Ś'.repeat(120),
      programme_name: 'W'.repeat(120),
      organisation_name: 'M'.repeat(120),
      level: 'Accredited Video Interaction Guidance Practitioner and Supervisor in Training (Northfield variant)',
      override_reason: reason,
    })
    expect(pdfPageCount(bytes)).toBe(1)
    const text = pdfText(bytes)
    expect(text).toContain(NUMBER)
    expect(text).toContain('END-REASON')
    expect(text).toContain('Check this certificate at')
    // Nothing runs off the right of the page.
    const words = pdfWords(bytes)
    expect(words.filter((w) => w.xMax > w.pageWidth)).toEqual([])
    expect(new Set(words.map((w) => w.page))).toEqual(new Set([1]))
  }, 30_000)
})

describe('a reflection with emoji and a long link (case 05-06), in the portfolio', () => {
  it('keeps every word beside the emoji, and wraps the link inside the page', async () => {
    const db = await getDb()
    const trainee = await createUser(db, 'trainee')
    const enrolment = await createEnrolment(db, { traineeId: trainee.id })
    const body = readFileSync(new URL('05-06-reflection-emoji-longurl.txt', CASES), 'utf8')
    await createReflectionRow(db, { enrolmentId: enrolment.id, kind: 'stage_end', stageNumber: 1, status: 'submitted', body })
    const response = await run(portfolioPdf, getRequest('/x', await signInCookie(trainee.email)), { enrolmentId: String(enrolment.id) })
    expect(response.status).toBe(200)
    const bytes = new Uint8Array(await response.arrayBuffer())
    const text = pdfText(bytes).replace(/\s+/g, ' ')
    // 😊 and ❤ are in the font and print; 👶 and ✅ are not and print as one box each, neighbours intact.
    expect(text).toContain('the mum laughed 😊 and said "that\'s us at our best" □❤ – I want to keep that moment in mind.')
    expect(text).toContain('before I move to the next clip □.')
    const words = pdfWords(bytes)
    expect(words.filter((w) => w.xMax > w.pageWidth - 40)).toEqual([])
    // The whole link is there, broken only where it wraps.
    const link = words.filter((w) => /sharepoint|SharedReviews|Xy7Pq2|csf=1/.test(w.text))
    expect(link.length).toBeGreaterThan(0)
    const joined = pdfText(bytes).replace(/-?\n\s*/g, '')
    expect(joined).toContain('AK-03_review3_2026-11-20_clip')
    expect(joined).toContain('e=Xy7Pq2')
  }, 30_000)
})
