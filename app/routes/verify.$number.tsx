// Public: anyone holding a printed certificate can check it here, without signing in.
// It states valid or revoked, the holder, the level and the date, and nothing more.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react'
import { WarningCallout } from '~/components/warning-callout'
import { findCertificateForVerification } from '~/models/certificate.server'
import { formatDate, formatInstant } from '~/utils/dates'
import { clientAddress } from '~/utils/client.server'
import { getDb } from '~/utils/db.server'
import { limitVerifyChecks } from '~/models/throttle.server'

export const meta: MetaFunction = () => [{ title: 'Check a VIG certificate – Attune' }, { name: 'robots', content: 'noindex' }]

export async function loader({ params, context }: LoaderFunctionArgs) {
  const db = await getDb()
  await limitVerifyChecks(db, clientAddress(context))
  const certificate = await findCertificateForVerification(db, params.number ?? '')
  if (!certificate) throw json({ typed: (params.number ?? '').slice(0, 60) }, { status: 404 })
  return json({
    number: certificate.number,
    holder: certificate.holder_name,
    level: certificate.level,
    accreditedOn: formatDate(certificate.accredited_on),
    revokedAt: certificate.revoked_at ? formatInstant(certificate.revoked_at) : null,
  })
}

export default function VerifyCertificate() {
  const c = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Certificate {c.number}</h1>
        {c.revokedAt ? (
          <WarningCallout title="Revoked">
            <p>This certificate was revoked on {c.revokedAt}. It is no longer valid.</p>
          </WarningCallout>
        ) : (
          <div className="nhsuk-inset-text">
            <p>
              <strong className="nhsuk-tag nhsuk-tag--green">Valid</strong> This certificate was issued by Attune and has not been revoked.
            </p>
          </div>
        )}
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Holder</dt>
            <dd className="nhsuk-summary-list__value">{c.holder}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Level</dt>
            <dd className="nhsuk-summary-list__value">{c.level}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Accredited on</dt>
            <dd className="nhsuk-summary-list__value">{c.accreditedOn}</dd>
          </div>
        </dl>
      </div>
    </div>
  )
}

/** An unknown number: its own page, with the 404 status, saying what was looked for. */
export function ErrorBoundary() {
  const error = useRouteError()
  if (!isRouteErrorResponse(error) || error.status !== 404) {
    return <h1>Sorry, there is a problem with the service</h1>
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>No certificate has the number {String(error.data?.typed ?? '')}</h1>
        <p>Check the number against the paper certificate. Numbers look like AVIG-7K2M-9QXD: the letters O, I and L are never used, so type them as 0, 1 and 1.</p>
        <p>If the number is right and still not found, the certificate was not issued by Attune: ask the organisation that issued it.</p>
      </div>
    </div>
  )
}
