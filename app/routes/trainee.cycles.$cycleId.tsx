import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormPage } from '~/components/page'
import { useMemo } from 'react'
import { CycleFields } from '~/components/evidence-fields'
import { ZodForm } from '~/components/form'
import { ImplausibleEvidenceWarning } from '~/components/implausible-evidence'
import { DeleteRecord, ReadOnlyNotice } from '~/components/record-actions'
import { StatusTag } from '~/components/status-tag'
import { SummaryList } from '~/components/summary-list'
import { listClientChoices } from '~/models/client.server'
import { deleteCycle, getCycle, updateCycle } from '~/models/cycle.server'
import { implausibleEvidenceOn } from '~/models/evidence.server'
import { lockedStageReasons } from '~/models/stage-rules.server'
import { cycleFormValues, cycleSchema } from '~/schemas/cycle'
import { UPDATE_RECORD } from '~/schemas/record'
import { formatDate, today } from '~/utils/dates'
import { requireTrainee, updateOrDelete } from '~/utils/trainee.server'
import { idParam } from '~/utils/params'
import { found } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Cycle – Attune' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db } = await requireTrainee(request)
  const cycle = found(await getCycle(db, { id: idParam(params.cycleId), traineeId: user.id }))
  const [clients, locks, warnings] = await Promise.all([
    listClientChoices(db, user.id),
    lockedStageReasons(db, cycle.enrolment_id, [cycle.stage_number]),
    implausibleEvidenceOn(db, cycle.enrolment_id, [cycle.reviewed_on], 'shared_reviews'),
  ])
  return json({ today: today(), cycle, clients, lockedReason: cycle.stage_number === null ? null : (locks.get(cycle.stage_number) ?? null), warnings })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db } = await requireTrainee(request)
  const id = idParam(params.cycleId)
  found(await getCycle(db, { id, traineeId: user.id }))
  const owner = { id, traineeId: user.id, actorId: user.id }
  return updateOrDelete(request, db, {
    schema: cycleSchema(today()),
    update: (trx, input) => updateCycle(trx, { ...owner, input }),
    remove: (trx) => deleteCycle(trx, owner),
    updated: () => ({ to: `/trainee/cycles/${id}`, message: 'Cycle saved.' }),
    deleted: { to: '/trainee', message: 'Cycle deleted.' },
  })
}

export default function CyclePage() {
  const { today, cycle, clients, lockedReason, warnings } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const schema = useMemo(() => cycleSchema(today), [today])
  return (
    <FormPage
      back={{ to: '/trainee/timeline', label: 'Everything I have logged' }}
      title={
        <>
          Cycle with {cycle.client_code} <StatusTag status={cycle.reviewed_on ? 'completed' : 'in_progress'} />
        </>
      }
    >
      <ImplausibleEvidenceWarning warnings={warnings} advice="It is saved. If the shared review date is wrong, correct it below; if it is right, there is nothing to do." />
      <SummaryList
        rows={[
          [
            'Client',
            <Link key="client" to={`/trainee/clients/${cycle.client_id}`}>
              {cycle.client_code}
            </Link>,
          ],
          ['Filmed on', formatDate(cycle.filmed_on)],
          ['Shared review', cycle.reviewed_on ? formatDate(cycle.reviewed_on) : 'Not logged yet: the cycle does not count until it is'],
          ['Counts towards', cycle.stage_number === null ? 'Nothing yet' : `Stage ${cycle.stage_number}`],
          ['Clips used', cycle.clip_count],
          ['What went well', cycle.notes || 'No notes'],
        ]}
      />
      {lockedReason ? (
        <ReadOnlyNotice reason={lockedReason} />
      ) : (
        <>
          <h2>Change this cycle</h2>
          <ZodForm schema={schema} defaultValues={cycleFormValues(cycle)} failure={answer && 'fieldErrors' in answer ? answer : null} intent={UPDATE_RECORD} submitLabel="Save changes">
            <CycleFields clients={clients} />
          </ZodForm>
          <DeleteRecord what="cycle" error={answer && 'deleteError' in answer ? answer.deleteError : null} warning="The cycle will no longer count towards your stage." />
        </>
      )}
    </FormPage>
  )
}
