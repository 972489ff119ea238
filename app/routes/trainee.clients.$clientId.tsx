import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { WarningCallout } from '~/components/warning-callout'
import { useMemo } from 'react'
import { ClientFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { DeleteRecord } from '~/components/record-actions'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { consentSummary, cycleConsentProblem } from '~/domain/consent'
import { erasureReminder, recordingStatus } from '~/domain/retention'
import { consentOf, deleteClient, getClient, updateClient } from '~/models/client.server'
import { listClientCycles } from '~/models/cycle.server'
import { getRuleSet } from '~/models/rule-set.server'
import { clientFormValues, clientSchema, relationshipLabel } from '~/schemas/client'
import { UPDATE_RECORD } from '~/schemas/record'
import { formatDate, today } from '~/utils/dates'
import { idParam, notFound, requireTrainee, updateOrDelete } from '~/utils/trainee.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Client ${data?.client.code ?? ''} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const client = await getClient(db, { id: idParam(params, 'clientId'), traineeId: user.id })
  if (!client) throw notFound()
  const [cycles, ruleSet] = await Promise.all([listClientCycles(db, { clientId: client.id, traineeId: user.id }), enrolment ? getRuleSet(db, enrolment.rule_set_id) : null])
  const now = today()
  const consent = consentOf(client)
  const recordings = ruleSet ? recordingStatus({ workEndedOn: client.work_ended_on, recordingsErasedOn: client.recordings_erased_on }, ruleSet, now) : null
  return json({
    today: now,
    client,
    relationship: relationshipLabel(client.relationship),
    consent: consentSummary(consent),
    cannotLogCycles: cycleConsentProblem(consent, null),
    recordings,
    reminder: recordings ? erasureReminder(recordings) : null,
    cycles,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const id = idParam(params, 'clientId')
  if (!(await getClient(db, { id, traineeId: user.id }))) throw notFound()
  const owner = { id, traineeId: user.id, enrolmentId: enrolment?.id ?? null, actorId: user.id }
  return updateOrDelete(request, db, {
    schema: clientSchema(today()),
    update: (trx, input) => updateClient(trx, { ...owner, input }),
    remove: (trx) => deleteClient(trx, owner),
    updated: (input) => ({ to: `/trainee/clients/${id}`, message: `Client ${input.code} saved.` }),
    deleted: { to: '/trainee/clients', message: 'Client deleted.' },
  })
}

export default function ClientPage() {
  const { today, client, relationship, consent, cannotLogCycles, recordings, reminder, cycles } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const schema = useMemo(() => clientSchema(today), [today])
  const failure = answer && 'fieldErrors' in answer ? answer : null
  const deleteError = answer && 'deleteError' in answer ? answer.deleteError : null
  return (
    <FormPage back={{ to: '/trainee/clients', label: 'My clients' }} title={<>Client {client.code}</>}>
      {reminder ? (
        <WarningCallout title="Erase the recordings">
          <p>{reminder}</p>
        </WarningCallout>
      ) : null}
      <SummaryList
        rows={[
          ['Relationship', relationship],
          ['Helping question', client.helping_question || 'Not recorded'],
          ['Consent given on', client.consent_given_on ? formatDate(client.consent_given_on) : 'Not recorded'],
          ['Consent covers', consent],
          ['Work ended', client.work_ended_on ? formatDate(client.work_ended_on) : 'Work ongoing'],
          ['Recordings', recordings?.state === 'erased' ? `Erased on ${formatDate(recordings.erasedOn)}` : recordings && recordings.state !== 'work_ongoing' ? `Must be erased by ${formatDate(recordings.dueOn)}` : 'Kept while work goes on'],
        ]}
      />

      <h2>Cycles</h2>
      {cycles.length === 0 ? <p>No cycles logged with {client.code} yet.</p> : null}
      <ul className="nhsuk-list">
        {cycles.map((c) => (
          <li key={c.id}>
            <Link to={`/trainee/cycles/${c.id}`}>Filmed {formatDate(c.filmed_on)}</Link>{' '}
            {c.reviewed_on ? <>– shared review {formatDate(c.reviewed_on)} </> : null}
            <StatusTag status={c.reviewed_on ? 'completed' : 'in_progress'} />
          </li>
        ))}
      </ul>
      {cannotLogCycles ? (
        <p className="nhsuk-body-s">{cannotLogCycles}.</p>
      ) : (
        <p>
          <Link to={`/trainee/cycles/new?client=${client.id}`} className="nhsuk-button nhsuk-button--secondary">
            Log a cycle with {client.code}
          </Link>
        </p>
      )}

      <h2>Change details, consent or end of work</h2>
      <ZodForm schema={schema} defaultValues={clientFormValues(client)} failure={failure} intent={UPDATE_RECORD} submitLabel="Save changes">
        <ClientFields withEndOfWork />
      </ZodForm>

      <DeleteRecord
        what="client"
        error={deleteError}
        warning={`Only a client with no cycles or supervision sessions can be deleted. ${client.code} and its consent record will be removed.`}
      />
    </FormPage>
  )
}
