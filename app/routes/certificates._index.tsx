import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { TableScroll } from '~/components/table-scroll'
import { Link, useLoaderData } from '@remix-run/react'
import { listVisibleCertificates } from '~/models/certificate.server'
import { findTraineeEnrolment } from '~/models/enrolment.server'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { hasRole, PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction = () => [{ title: 'Certificates – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const certificates = await listVisibleCertificates(db, user)
  const ownEnrolment = hasRole(user, 'trainee') ? await findTraineeEnrolment(db, user.id) : undefined
  const programmes = [...new Map(certificates.map((c) => [c.programme_id, c.programme_name])).entries()].map(([id, name]) => ({ id, name }))
  return json({ certificates, programmes, canDownloadAll: hasRole(user, ...PROGRAMME_ROLES), portfolioEnrolmentId: ownEnrolment?.id ?? null })
}

export default function Certificates() {
  const { certificates, programmes, canDownloadAll, portfolioEnrolmentId } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Certificates</h1>
      {portfolioEnrolmentId ? (
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">Your accreditation portfolio</h2>
            <p className="nhsuk-card__description">Your whole evidence record, stage by stage, as a PDF. It is marked “in progress” until you are accredited.</p>
            <a className="nhsuk-button nhsuk-u-margin-bottom-0" href={`/enrolments/${portfolioEnrolmentId}/portfolio`} download>
              Download my portfolio (PDF)
            </a>
          </div>
        </div>
      ) : null}
      {portfolioEnrolmentId ? (
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">Your whole record, to take with you</h2>
            <p className="nhsuk-card__description">
              Everything Attune holds about your training, for a new employer or another training provider: your portfolio (PDF), your cycles, supervision, stages and sign-offs (CSV), and
              all of it in one portable file (JSON). Clients appear only by their codes.
            </p>
            <a className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" href={`/enrolments/${portfolioEnrolmentId}/record`} download>
              Download my whole record (zip)
            </a>
          </div>
        </div>
      ) : null}
      {certificates.length === 0 ? <p>No certificates yet. A certificate is issued the moment a stage is accredited.</p> : null}
      {programmes.map((programme) => (
        <section key={programme.id}>
          <h2>{programme.name}</h2>
          {canDownloadAll ? (
            <p>
              <a className="nhsuk-button nhsuk-button--secondary" href={`/certificates/programme/${programme.id}/zip`} download>
                Download every certificate (zip)
              </a>
            </p>
          ) : null}
          <TableScroll label={`Certificates for ${programme.name}`}>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Certificates for {programme.name}</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th scope="col" className="nhsuk-table__header">
                    Holder
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Level
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Accredited
                  </th>
                  <th scope="col" className="nhsuk-table__header">
                    Number
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {certificates
                  .filter((c) => c.programme_id === programme.id)
                  .map((c) => (
                    <tr className="nhsuk-table__row" key={c.id}>
                      <td className="nhsuk-table__cell">{c.holder_name}</td>
                      <td className="nhsuk-table__cell">
                        {c.level} {c.revoked_at ? <strong className="nhsuk-tag nhsuk-tag--red">Revoked</strong> : null}
                      </td>
                      <td className="nhsuk-table__cell app-nowrap">{formatDate(c.accredited_on)}</td>
                      <td className="nhsuk-table__cell">
                        <Link to={`/certificates/${c.number}`}>{c.number}</Link>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ))}
    </>
  )
}
