// PDFs render in worker threads (app/pdf/render.server.ts): a full queue answers "busy", and a
// worker that dies fails only its own request while the pool carries on with a new one.
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { getCertificateForViewer } from '~/models/certificate.server'
import { PDF_BUSY_MESSAGE, createPdfPool, defaultPdfThreads, pdfWorkerFile, renderPdf, type PdfJob, type PdfPool } from '~/pdf/render.server'
import { getDb } from '~/utils/db.server'
import { pdfText } from '../pdf-text'

let pool: PdfPool | undefined
afterEach(async () => {
  await pool?.destroy()
  pool = undefined
})

async function certificateJob(): Promise<PdfJob> {
  const db = await getDb()
  await seedDemoData(db, '2026-11-24')
  const { number } = await db.selectFrom('certificates').select('number').orderBy('id').executeTakeFirstOrThrow()
  return { document: 'certificate', certificate: (await getCertificateForViewer(db, { id: 0, roles: ['admin'] }, number))! }
}

describe('the PDF worker pool', () => {
  it('leaves one core to the event loop by default, and has at least one thread', () => {
    expect([1, 2, 4, 8].map((cores) => defaultPdfThreads(cores))).toEqual([1, 1, 3, 7])
  })

  it('renders a certificate in a worker thread', async () => {
    const job = await certificateJob()
    pool = createPdfPool({ threads: 1, queue: 2 })
    const pdf = await renderPdf(job, pool)
    expect(pdfText(pdf)).toContain(job.document === 'certificate' ? job.certificate.number : '')
    expect(pool.threads.length).toBe(1)
  })

  it('answers 503 "busy, try again" once every worker is busy and the queue is full', async () => {
    const job = await certificateJob()
    pool = createPdfPool({ threads: 1, queue: 1 })
    const outcomes = await Promise.allSettled([renderPdf(job, pool), renderPdf(job, pool), renderPdf(job, pool), renderPdf(job, pool)])
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2)
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as Response)
    expect(refused.map((r) => r.status)).toEqual([503, 503])
    expect(refused[0].headers.get('Retry-After')).toBe('10')
    expect(await refused[0].text()).toContain(PDF_BUSY_MESSAGE)
  })

  it('fails only the request whose worker crashed, and replaces the worker', async () => {
    const job = await certificateJob()
    pool = createPdfPool({
      filename: new URL('../fixtures/crashing-pdf-worker.mjs', import.meta.url).pathname,
      workerData: { realWorker: pathToFileURL(pdfWorkerFile()).href },
      threads: 2,
      queue: 4,
    })
    const [crashed, alongside] = await Promise.allSettled([renderPdf({ ...job, crash: true } as unknown as PdfJob, pool), renderPdf(job, pool)])
    expect(crashed.status).toBe('rejected')
    expect((crashed as PromiseRejectedResult).reason).toBeInstanceOf(Error)
    expect(alongside.status).toBe('fulfilled')
    const after = await Promise.all([renderPdf(job, pool), renderPdf(job, pool)])
    expect(after.map((pdf) => new TextDecoder().decode(pdf.slice(0, 5)))).toEqual(['%PDF-', '%PDF-'])
  })
})
