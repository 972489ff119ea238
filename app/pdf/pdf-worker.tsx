// The PDF worker thread: renders one document from plain data, off the server's event loop.
// Run by the pool in app/pdf/render.server.ts. `npm run build` compiles it to build/pdf-worker.js
// (react-pdf stays an unbundled ESM import); tests and scripts load this file through tsx.
import { renderToBuffer } from '@react-pdf/renderer'
import QRCode from 'qrcode'
import type { ReactElement } from 'react'
import { CertificateDocument } from './certificate-document'
import { EvaluationDocument } from './evaluation-document'
import { loadFonts } from './fonts.server'
import type { PdfJob } from './pdf-job'
import { PortfolioDocument } from './portfolio-document'
import { SustainabilityDocument } from './sustainability-document'

/** The QR code printed on certificates: their verification address. */
export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { margin: 0, width: 300, errorCorrectionLevel: 'M' })
}

async function documentFor(job: PdfJob): Promise<ReactElement> {
  switch (job.document) {
    case 'certificate':
      return <CertificateDocument certificate={job.certificate} qrCode={await qrCodeDataUrl(job.certificate.verificationUrl)} />
    case 'portfolio':
      return <PortfolioDocument portfolio={job.portfolio} generatedOn={job.generatedOn} />
    case 'sustainability':
      return <SustainabilityDocument {...job.props} />
    case 'evaluation':
      return <EvaluationDocument {...job.props} />
  }
}

/** Renders `job` to the bytes of a PDF. */
export default async function renderJob(job: PdfJob): Promise<Uint8Array> {
  // The embedded fonts (fonts.server.ts) are loaded once per worker thread, before its first document.
  await loadFonts()
  return new Uint8Array(await renderToBuffer((await documentFor(job)) as Parameters<typeof renderToBuffer>[0]))
}
