import type { LoaderFunctionArgs } from '@remix-run/node'
import { getCertificateForViewer } from '~/models/certificate.server'
import { CertificateDocument } from '~/pdf/certificate-document'
import { pdfResponse, qrCodeDataUrl, renderPdf } from '~/pdf/render.server'
import { requireUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = found(await getCertificateForViewer(await getDb(), user, params.number ?? ''))
  const pdf = await renderPdf(<CertificateDocument certificate={certificate} qrCode={await qrCodeDataUrl(certificate.verificationUrl)} />)
  return pdfResponse(pdf, `${certificate.number} ${certificate.holder_name} ${certificate.level}.pdf`)
}
