import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { ImplausibleEvidenceWarning } from '~/components/implausible-evidence'
import { WarningCallout } from '~/components/warning-callout'
import { useMemo } from 'react'
import { SupervisionSessionFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { DeleteRecord, ReadOnlyNotice } from '~/components/record-actions'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { formatHours } from '~/domain/readiness'
import { listClientChoices } from '~/models/client.server'
import { implausibleEvidenceOn } from '~/models/evidence.server'
import { findSessionReflection } from '~/models/reflection.server'
import { lockedStageReasons } from '~/models/stage-rules.server'
import { deleteSupervisionSession, getSupervisionSession, listSupervisorChoices, trainingAllowance, updateSupervisionSession } from '~/models/supervision.server'
import { formatLabel, supervisionSessionFormValues, supervisionSessionSchema } from '~/schemas/supervision-session'
import { UPDATE_RECORD } from '~/schemas/record'
import { formatDate, formatInstant, today } from '~/utils/dates'
import { requireTrainee, updateOrDelete } from '~/utils/trainee.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Supervision session – Attune' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireTrainee(request)
  const session = found(await getSupervisionSession(db, { id: idParam(params.sessionId), traineeId: user.id }))
  const [supervisors, clients, locks, reflection, warnings, allowance] = await Promise.all([
    listSupervisorChoices(db, { enrolmentId: session.enrolment_id, traineeId: user.id }),
    listClientChoices(db, user.id),
    lockedStageReasons(db, session.enrolment_id, [session.stage_number]),
    findSessionReflection(db, { sessionId: session.id, traineeId: user.id }),
    implausibleEvidenceOn(db, session.enrolment_id, [session.held_on], 'supervision'),
    trainingAllowance(db, session.enrolment_id, session.stage_number),
  ])
  const stageLocked = locks.has(session.stage_number)
  const lockedReason =
    locks.get(session.stage_number) ??
    (session.status === 'confirmed' ? `Your supervisor confirmed this session${session.decided_at ? ` on ${formatInstant(session.decided_at)}` : ''}, so it can no longer be changed.` : null)
  return json({
    today: today(),
    session,
    supervisors: supervisors.map((s) => ({ value: String(s.id), label: s.name })),
    clients,
    lockedReason,
    stageLocked,
    reflection: reflection ?? null,
    warnings,
    trainingAllowance: allowance,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db } = await requireTrainee(request)
  const id = idParam(params.sessionId)
  found(await getSupervisionSession(db, { id, traineeId: user.id }))
  const owner = { id, traineeId: user.id, actorId: user.id }
  return updateOrDelete(request, db, {
    schema: supervisionSessionSchema(today()),
    update: (trx, input) => updateSupervisionSession(trx, { ...owner, input }),
    remove: (trx) => deleteSupervisionSession(trx, owner),
    updated: () => ({ to: `/trainee/supervision/${id}`, message: 'Session saved. It is waiting for your supervisor to confirm it.' }),
    deleted: { to: '/trainee', message: 'Supervision session deleted.' },
  })
}

export default function SupervisionSessionPage() {
  const { today, session, supervisors, clients, lockedReason, stageLocked, reflection, warnings, trainingAllowance } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const schema = useMemo(() => supervisionSessionSchema(today), [today])
  return (
    <FormPage
      back={{ to: '/trainee/timeline', label: 'Everything I have logged' }}
      title={
        <>
          Supervision on {formatDate(session.held_on)} <StatusTag status={session.status} />
        </>
      }
    >
      {session.status === 'returned' ? (
        <WarningCallout title="Returned by your supervisor">
          <p>{session.return_comment || 'Your supervisor returned this session without a comment.'}</p>
          <p>Correct the session below and save it: it goes back to your supervisor to confirm.</p>
        </WarningCallout>
      ) : null}
      <ImplausibleEvidenceWarning
        warnings={warnings}
        advice="It is saved. If the date or length is wrong, correct it below; if it is right, there is nothing to do: your supervisor sees this note too."
      />
      <SummaryList
        rows={[
          [
            'Status',
            session.status === 'confirmed'
              ? `Confirmed${session.decided_at ? ` on ${formatInstant(session.decided_at)}` : ''}: it counts towards your stage`
              : session.status === 'pending'
                ? 'Waiting for your supervisor to confirm it: it counts once confirmed'
                : 'Returned to you: it does not count until corrected and confirmed',
          ],
          ['What it was', session.kind === 'training' ? 'Training in place of supervision' : 'Supervision'],
          ['Length', formatHours(session.minutes)],
          ['How it was held', formatLabel(session.format)],
          ['Supervisor', session.supervisor_name],
          ['Clients discussed', session.clients.length ? session.clients.map((c) => c.code).join(', ') : 'None recorded'],
          ['Counts towards', `Stage ${session.stage_number}`],
          ['Notes', session.notes || 'No notes'],
        ]}
      />
      <p>
        {reflection ? (
          <Link to={`/trainee/reflections/${reflection.id}`}>{reflection.status === 'draft' ? 'Carry on with your draft reflection' : 'Read your reflection on this session'}</Link>
        ) : stageLocked ? null : (
          <Link to={`/trainee/reflections/new?session=${session.id}`} className="nhsuk-button nhsuk-button--secondary">
            Reflect on this session
          </Link>
        )}
      </p>
      {lockedReason ? (
        <ReadOnlyNotice reason={lockedReason} />
      ) : (
        <>
          <h2>Change this session</h2>
          <ZodForm
            schema={schema}
            defaultValues={supervisionSessionFormValues(
              session,
              session.clients.map((c) => c.id),
            )}
            failure={answer && 'fieldErrors' in answer ? answer : null}
            intent={UPDATE_RECORD}
            submitLabel={session.status === 'returned' ? 'Save and send back to your supervisor' : 'Save changes'}
          >
            <SupervisionSessionFields supervisors={supervisors} clients={clients} trainingAllowance={trainingAllowance} />
          </ZodForm>
          <DeleteRecord what="session" error={answer && 'deleteError' in answer ? answer.deleteError : null} warning="A draft reflection on this session is deleted with it." />
        </>
      )}
    </FormPage>
  )
}
