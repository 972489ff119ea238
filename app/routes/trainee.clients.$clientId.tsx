import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { WarningCallout } from '~/components/warning-callout'
import { useMemo } from 'react'
import { ClientFields } from '~/components/evidence-fields'
import { ScoreFields, ScoresTable } from '~/components/evaluation'
import { ZodForm } from '~/components/form'
import { DeleteRecord } from '~/components/record-actions'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { consentSummary, cycleConsentProblem, evaluationConsentProblem } from '~/domain/consent'
import { erasureReminder, recordingStatus } from '~/domain/retention'
import { consentOf, deleteClient, getClient, updateClient } from '~/models/client.server'
import { listClientCycles } from '~/models/cycle.server'
import { listClientScores, listMeasures, recordScore } from '~/models/evaluation.server'
import { getRuleSet } from '~/models/rule-set.server'
import { clientFormValues, clientSchema, relationshipLabel } from '~/schemas/client'
import { blankScore, scoreSchema } from '~/schemas/evaluation'
import { UPDATE_RECORD } from '~/schemas/record'
import { formatDate, today } from '~/utils/dates'
import { invalid, parseValues, refusalAnswer, type FormValues } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireTrainee, updateOrDelete } from '~/utils/trainee.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Client ${data?.client.code ?? ''} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const client = found(await getClient(db, { id: idParam(params.clientId), traineeId: user.id }))
  const [cycles, ruleSet, scores, measures] = await Promise.all([
    listClientCycles(db, { clientId: client.id, traineeId: user.id }),
    enrolment ? getRuleSet(db, enrolment.rule_set_id) : null,
    listClientScores(db, user, client.id),
    listMeasures(db, { activeOnly: true }),
  ])
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
    scores,
    measures: measures.map((m) => ({ value: String(m.id), label: `${m.name} (${m.min_score} to ${m.max_score}${m.has_follow_up ? ', with follow-up' : ''})` })),
    cannotScore: evaluationConsentProblem(consent, null),
  })
}

const SCORE = 'score'

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, enrolment } = await requireTrainee(request)
  const id = idParam(params.clientId)
  found(await getClient(db, { id, traineeId: user.id }))
  const owner = { id, traineeId: user.id, enrolmentId: enrolment?.id ?? null, actorId: user.id }
  // The client's page holds the record's own forms (updateOrDelete) and the score form.
  const saveScore = async (values: FormValues) => {
    const parsed = parseValues(values, scoreSchema(today()))
    if (!parsed.ok) return invalid(parsed.failure, SCORE)
    try {
      await db.transaction().execute((trx) => recordScore(trx, { traineeId: user.id, enrolmentId: owner.enrolmentId, clientId: id, input: parsed.data }))
    } catch (error) {
      return refusalAnswer(error, parsed.values, SCORE)
    }
    return redirectWithFlash(request, `/trainee/clients/${id}#scores`, 'Score saved.')
  }
  return updateOrDelete(request, db, {
    schema: clientSchema(today()),
    update: (trx, input) => updateClient(trx, { ...owner, input }),
    remove: (trx) => deleteClient(trx, owner),
    updated: (input) => ({ to: `/trainee/clients/${id}`, message: `Client ${input.code} saved.` }),
    deleted: { to: '/trainee/clients', message: 'Client deleted.' },
    more: { [SCORE]: saveScore },
  })
}

export default function ClientPage() {
  const { today, client, relationship, consent, cannotLogCycles, recordings, reminder, cycles, scores, measures, cannotScore } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const schema = useMemo(() => clientSchema(today), [today])
  const scoreForm = useMemo(() => scoreSchema(today), [today])
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
          [
            'Recordings',
            recordings?.state === 'erased'
              ? `Erased on ${formatDate(recordings.erasedOn)}`
              : recordings && recordings.state !== 'work_ongoing'
                ? `Must be erased by ${formatDate(recordings.dueOn)}`
                : 'Kept while work goes on',
          ],
        ]}
      />

      <h2>Cycles</h2>
      {cycles.length === 0 ? <p>No cycles logged with {client.code} yet.</p> : null}
      <ul className="nhsuk-list">
        {cycles.map((c) => (
          <li key={c.id}>
            <Link to={`/trainee/cycles/${c.id}`}>Filmed {formatDate(c.filmed_on)}</Link> {c.reviewed_on ? <>– shared review {formatDate(c.reviewed_on)} </> : null}
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

      <section id="scores" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Outcome scores for the evaluation</h2>
        <p>Scores are used without the family’s code, only in the programme’s totals.</p>
        <ScoresTable scores={scores} caption={`${client.code}’s scores`} />
        {cannotScore ? (
          <p className="nhsuk-body-s">{cannotScore}.</p>
        ) : measures.length === 0 ? (
          <p className="nhsuk-body-s">No outcome measures are in use yet. Your programme lead sets them up.</p>
        ) : (
          <ZodForm schema={scoreForm} defaultValues={blankScore} failure={failure} intent={SCORE} submitLabel="Save score">
            <ScoreFields measures={measures} />
          </ZodForm>
        )}
      </section>

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
