import type { LoaderFunctionArgs } from '@remix-run/node'
import { getCertificateForViewer } from '~/models/certificate.server'
import { pdfResponse, renderPdf } from '~/pdf/render.server'
import { requireUser } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = found(await getCertificateForViewer(await getDb(), user, params.number ?? ''))
  const pdf = await renderPdf({ document: 'certificate', certificate })
  return pdfResponse(pdf, `${certificate.number} ${certificate.holder_name} ${certificate.level}.pdf`)
}
