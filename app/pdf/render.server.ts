// Turning a react-pdf document into an HTTP response, and the QR code printed on certificates.
import { renderToBuffer } from '@react-pdf/renderer'
import QRCode from 'qrcode'
import type { ReactElement } from 'react'
import { loadFonts } from './fonts.server'
import { safeFilename } from '../utils/csv.server'

/** The bytes of a react-pdf document, drawn with Attune's embedded fonts (see fonts.server.ts). */
export async function renderPdf(document: ReactElement): Promise<Uint8Array<ArrayBuffer>> {
  await loadFonts()
  return new Uint8Array(await renderToBuffer(document as Parameters<typeof renderToBuffer>[0]))
}

export function pdfResponse(bytes: Uint8Array<ArrayBuffer>, filename: string): Response {
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${safeFilename(filename)}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { margin: 0, width: 300, errorCorrectionLevel: 'M' })
}
