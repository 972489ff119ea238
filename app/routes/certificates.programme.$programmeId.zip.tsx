// Every certificate of a programme in one zip, for its programme lead (or an admin).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { zipSync } from 'fflate'
import { loadCertificatesForPdf } from '~/models/certificate.server'
import { renderPdf } from '~/pdf/render.server'
import { requireRole } from '~/utils/auth.server'
import { safeFilename, zipResponse } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { idParam } from '~/utils/params'
import { notFound } from '~/utils/http.server'
import { PROGRAMME_ROLES } from '~/models/access.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const certificates = await loadCertificatesForPdf(db, user, { programmeId: idParam(params.programmeId) })
  if (certificates.length === 0) throw notFound()
  const files: Record<string, Uint8Array> = {}
  for (const certificate of certificates) {
    const name = safeFilename(`${certificate.holder_name} - ${certificate.level} - ${certificate.number}.pdf`)
    files[name] = await renderPdf({ document: 'certificate', certificate })
  }
  return zipResponse(zipSync(files, { level: 6 }), `certificates-${certificates[0].programme_name}.zip`)
}
