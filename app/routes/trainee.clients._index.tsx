import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { consentSummary } from '~/domain/consent'
import { erasureReminder, recordingStatus, type RecordingStatus } from '~/domain/retention'
import { consentOf, listClients } from '~/models/client.server'
import { getRuleSet } from '~/models/rule-set.server'
import { relationshipLabel } from '~/schemas/client'
import { formatDate, today } from '~/utils/dates'
import { requireTrainee } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'My clients – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const [clients, ruleSet] = await Promise.all([listClients(db, user.id), enrolment ? getRuleSet(db, enrolment.rule_set_id) : null])
  const now = today()
  return json({
    clients: clients.map((c) => {
      const recordings = ruleSet ? recordingStatus({ workEndedOn: c.work_ended_on, recordingsErasedOn: c.recordings_erased_on }, ruleSet, now) : null
      return {
        id: c.id,
        code: c.code,
        relationship: relationshipLabel(c.relationship),
        consent: consentSummary(consentOf(c)),
        completedCycles: Number(c.completed_cycles),
        cyclesInProgress: Number(c.cycles_in_progress),
        recordings: recordings ? recordingsText(recordings) : '',
        reminder: recordings ? erasureReminder(recordings) : null,
      }
    }),
  })
}

function recordingsText(status: RecordingStatus): string {
  switch (status.state) {
    case 'work_ongoing':
      return 'Work ongoing'
    case 'erased':
      return `Erased ${formatDate(status.erasedOn)}`
    default:
      return `Erase by ${formatDate(status.dueOn)}`
  }
}

export default function Clients() {
  const { clients } = useLoaderData<typeof loader>()
  return (
    <>
      <Link to="/trainee" className="nhsuk-back-link">
        My progress
      </Link>
      <h1>My clients</h1>
      <p>
        Clients are kept as anonymised codes with their consent. Nothing here names a family. Record families’ outcome scores on each client’s page, and{' '}
        <Link to="/trainee/feedback">collect feedback on VIG</Link> for the programme’s evaluation.
      </p>
      <p>
        <Link to="/trainee/clients/new" className="nhsuk-button nhsuk-u-margin-bottom-4">
          Add a client
        </Link>
      </p>
      {clients.length === 0 ? (
        <p>You have not added any clients yet.</p>
      ) : (
        <table className="nhsuk-table-responsive">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Your clients</caption>
          <thead className="nhsuk-table__head">
            <tr role="row">
              <th role="columnheader" scope="col">
                Code
              </th>
              <th role="columnheader" scope="col">
                Relationship
              </th>
              <th role="columnheader" scope="col">
                Consent
              </th>
              <th role="columnheader" scope="col">
                Cycles
              </th>
              <th role="columnheader" scope="col">
                Recordings
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {clients.map((c) => (
              <tr role="row" className="nhsuk-table__row" key={c.id}>
                <Cell heading="Code">
                  <Link to={`/trainee/clients/${c.id}`}>{c.code}</Link>
                </Cell>
                <Cell heading="Relationship">{c.relationship}</Cell>
                <Cell heading="Consent">{c.consent}</Cell>
                <Cell heading="Cycles">
                  {c.completedCycles} completed{c.cyclesInProgress > 0 ? `, ${c.cyclesInProgress} in progress` : ''}
                </Cell>
                <Cell heading="Recordings">
                  {c.recordings}
                  {c.reminder ? (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--red">Erase now</strong>
                      <span className="nhsuk-u-visually-hidden">. {c.reminder}</span>
                    </>
                  ) : null}
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td role="cell" className="nhsuk-table__cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      {children}
    </td>
  )
}
