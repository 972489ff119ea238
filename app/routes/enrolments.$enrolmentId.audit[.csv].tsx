// The audit trail of one trainee as CSV, for their supervisor and programme lead (and admins).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { listAuditForEnrolment } from '~/models/audit.server'
import { findVisibleEnrolment } from '~/models/enrolment.server'
import { auditActionLabel } from '~/utils/audit-wording'
import { requireRole } from '~/utils/auth.server'
import { toCsv } from '~/utils/csv'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'lead', 'supervisor', 'admin')
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const rows = await listAuditForEnrolment(db, enrolment.id)
  const csv = toCsv([
    ['When (UTC)', 'Who', 'Action', 'What', 'Record', 'Record id', 'Before', 'After', 'Reason'],
    ...rows.map((r) => [r.at, r.actor_name, r.action, auditActionLabel(r.action), r.entity_type, r.entity_id, r.before_json, r.after_json, r.reason]),
  ])
  const filename = `audit-${enrolment.trainee_name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${enrolment.id}.csv`
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
