import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextArea, ZodForm } from '~/components/form'
import { SummaryList } from '~/components/summary-list'
import { WarningCallout } from '~/components/warning-callout'
import { minutesInWords, plural } from '~/domain/wording'
import { getCertificateForViewer, revokeCertificate } from '~/models/certificate.server'
import { RevokeCertificateSchema } from '~/schemas/certificate'
import { requireRole, requireUser } from '~/utils/auth.server'
import { formatDate, formatInstant, nowInstant } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { found } from '~/utils/http.server'
import { hasRole, PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.certificate.level ?? 'Certificate'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const certificate = found(await getCertificateForViewer(await getDb(), user, params.number ?? ''))
  return json({ certificate, canRevoke: hasRole(user, ...PROGRAMME_ROLES) && !certificate.revoked_at })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const parsed = await parseForm(request, RevokeCertificateSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const db = await getDb()
  try {
    found(await db.transaction().execute((trx) => revokeCertificate(trx, user, { number: params.number ?? '', reason: parsed.data.reason, at: nowInstant() })))
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
  return redirectWithFlash(request, `/certificates/${params.number}`, 'Certificate revoked. The public check page now says so.')
}

export default function CertificatePage() {
  const { certificate: c, canRevoke } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" to="/certificates">
          All certificates
        </Link>
        <h1>
          {c.level}: {c.holder_name}
        </h1>
        {c.revoked_at ? (
          <WarningCallout title="Revoked">
            <p>
              Revoked on {formatInstant(c.revoked_at)}: {c.revoke_reason}
            </p>
          </WarningCallout>
        ) : null}
        <SummaryList
          rows={[
            ['Certificate number', c.number],
            ['Accredited on', formatDate(c.accredited_on)],
            ['Issued', formatInstant(c.issued_at)],
            ['Rule set', `${c.rule_set_name} (version ${c.rule_set_version})`],
            ['Own supervisor', c.supervisor_name],
            ['External accreditor', c.accreditor_name],
            ['Work completed', `${plural(c.totals.cycles, 'cycle')}, ${plural(c.totals.clients, 'client')}, ${minutesInWords(c.totals.supervisionMinutes)} of supervision`],
            ...(c.override_reason ? [['Signed off with a requirement unmet', c.override_reason] as [string, string]] : []),
          ]}
        />
        <p>
          <a className="nhsuk-button" href={`/certificates/${c.number}/download`} download>
            Download certificate (PDF)
          </a>
        </p>
        <p>
          Public check page: <a href={`/verify/${c.number}`}>{c.verificationUrl}</a>
        </p>
        {canRevoke ? (
          <>
            <h2>Revoke this certificate</h2>
            <p>Revoking cannot be undone. The public check page will say the certificate is revoked and since when.</p>
            <ZodForm schema={RevokeCertificateSchema} defaultValues={{ reason: '' }} failure={failure} submitLabel="Revoke certificate">
              <TextArea name="reason" label="Why is it being revoked?" hint="This is kept in the audit trail." rows={3} />
            </ZodForm>
          </>
        ) : null}
      </div>
    </div>
  )
}
