// The audit trail of one trainee as CSV, for their supervisor and programme lead (and admins), with
// the exact stored values; the same person and action filters as the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { listAuditForEnrolment } from '~/models/audit.server'
import { findVisibleEnrolment } from '~/models/enrolment.server'
import { auditActionLabel } from '~/utils/audit-wording'
import { requireRole } from '~/utils/auth.server'
import { csvResponse, toCsv } from '~/utils/csv.server'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { OVERSIGHT_ROLES } from '~/models/access.server'
import { auditFilterOf } from '~/schemas/audit'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...OVERSIGHT_ROLES)
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const rows = await listAuditForEnrolment(db, user, enrolment.id, auditFilterOf(request))
  const columns = ['When (UTC)', 'Who', 'Action', 'What', 'Record', 'Record id', 'Before', 'After', 'Reason'] as const
  const csv = toCsv(
    columns,
    rows.map((r) => ({
      'When (UTC)': r.at,
      Who: r.actor_name,
      Action: r.action,
      What: auditActionLabel(r.action),
      Record: r.entity_type,
      'Record id': r.entity_id,
      Before: r.before_json,
      After: r.after_json,
      Reason: r.reason,
    })),
  )
  return csvResponse(csv, `audit-${enrolment.trainee_name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${enrolment.id}.csv`)
}
