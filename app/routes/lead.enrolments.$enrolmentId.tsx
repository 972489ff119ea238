import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AuditTrail } from '~/components/audit-trail'
import { RadioGroup, SelectField, TextArea, TextField, ZodForm } from '~/components/form'
import { ReadinessTable } from '~/components/readiness-summary'
import { StageHistory } from '~/components/stage-history'
import { VersionMove } from '~/components/version-move'
import { moveEnrolmentToVersion, previewVersionMove, versionMoveOptions } from '~/models/enrolment-version.server'
import { loadAuditTrail } from '~/models/audit.server'
import { auditFilterOf } from '~/schemas/audit'
import { assignmentsOf, findVisibleEnrolment, reassign, setStageLocked } from '~/models/enrolment.server'
import { loadProgress } from '~/models/progress.server'
import { listConcerns } from '~/models/concern.server'
import { concernsNeedingAttention } from '~/domain/concerns'
import { FlagList } from '~/components/flag-list'
import { ForecastLine } from '~/components/forecast-line'
import { stageHistory } from '~/models/sign-off.server'
import { MOVE_VERSION, MoveVersionSchema, REASSIGN, ReassignSchema, RELOCK_STAGE, RelockSchema, UNLOCK_STAGE, UnlockSchema } from '~/schemas/enrolment'
import { requireRole } from '~/utils/auth.server'
import { formatDate, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'
import { TableScroll } from '~/components/table-scroll'
import { enrolmentScope, PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.enrolment.trainee_name ?? 'Trainee'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const date = today()
  // A version to compare with arrives in the URL (?ruleSet=id) from the preview form; anything else shows no preview.
  const proposed = Number(new URL(request.url).searchParams.get('ruleSet'))
  const [stages, assignments, audit, progress, concerns, versions, proposal] = await Promise.all([
    stageHistory(db, enrolmentScope(user), enrolment.id),
    assignmentsOf(db, user, enrolment.id),
    loadAuditTrail(db, user, enrolment.id, auditFilterOf(request)),
    loadProgress(db, [enrolment], date),
    listConcerns(db, [enrolment.id]),
    versionMoveOptions(db, user, enrolment.id),
    Number.isSafeInteger(proposed) && proposed > 0 ? previewVersionMove(db, user, enrolment.id, proposed) : undefined,
  ])
  const { ruleSet, readiness, flags, forecast } = progress.get(enrolment.id)!
  return json({
    enrolment,
    stages,
    assignments: found(assignments),
    audit: found(audit),
    readiness,
    flags,
    forecast,
    openConcerns: concernsNeedingAttention(
      concerns.map((c) => ({ flagCode: c.flag_code, reviewOn: c.review_on, clearedAt: c.cleared_at })),
      new Set(flags.map((f) => f.code)),
      date,
    ),
    version: {
      current: { name: ruleSet.name, version: ruleSet.version },
      inTraining: found(versions).inTraining,
      choices: found(versions).choices,
      proposal: proposal ?? null,
    },
    today: date,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const enrolmentId = idParam(params.enrolmentId)
  const db = await getDb()
  const values = await readFormValues(request)
  const intent = intentOf(values, [REASSIGN, UNLOCK_STAGE, RELOCK_STAGE, MOVE_VERSION])
  const form = { request, db, user, enrolmentId, values }
  try {
    switch (intent) {
      case REASSIGN:
        return await changeAssignment(form)
      case UNLOCK_STAGE:
        return await lockStage(form, false)
      case RELOCK_STAGE:
        return await lockStage(form, true)
      case MOVE_VERSION:
        return await moveVersion(form)
    }
  } catch (error) {
    return refusalAnswer(error, values, intent)
  }
}

type LeadEnrolmentForm = PostedForm & { enrolmentId: number }

async function changeAssignment({ request, db, user, enrolmentId, values }: LeadEnrolmentForm) {
  const parsed = parseValues(values, ReassignSchema)
  if (!parsed.ok) return invalid(parsed.failure, REASSIGN)
  found(await db.transaction().execute((trx) => reassign(trx, user, enrolmentId, parsed.data)))
  return redirectWithFlash(request, `/lead/enrolments/${enrolmentId}`, parsed.data.kind === 'supervisor' ? 'Supervisor changed' : 'External accreditor changed')
}

/** Unlocks a stage's records to correct them (a reason is required), or locks them again. */
async function lockStage({ request, db, user, enrolmentId, values }: LeadEnrolmentForm, locked: boolean) {
  const parsed = parseValues(values, locked ? RelockSchema : UnlockSchema)
  if (!parsed.ok) return invalid(parsed.failure, locked ? RELOCK_STAGE : UNLOCK_STAGE)
  found(await db.transaction().execute((trx) => setStageLocked(trx, user, { enrolmentId, stageNumber: parsed.data.stageNumber, locked, reason: parsed.data.reason })))
  return redirectWithFlash(request, `/lead/enrolments/${enrolmentId}`, locked ? 'Stage records locked again' : 'Stage records unlocked: every change is audited')
}

/** Moves the trainee to another published version of their pathway, with a reason (audited). */
async function moveVersion({ request, db, user, enrolmentId, values }: LeadEnrolmentForm) {
  const parsed = parseValues(values, MoveVersionSchema)
  if (!parsed.ok) return invalid(parsed.failure, MOVE_VERSION)
  found(await db.transaction().execute((trx) => moveEnrolmentToVersion(trx, user, { enrolmentId, ...parsed.data })))
  return redirectWithFlash(request, `/lead/enrolments/${enrolmentId}`, 'Moved to the new version. Their readiness now follows it.')
}

export default function LeadEnrolment() {
  const { enrolment, stages, assignments, audit, readiness, flags, forecast, openConcerns, version, today } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <>
      <Link to={`/lead/programmes/${enrolment.programme_id}`} className="nhsuk-back-link">
        {enrolment.programme_name}
      </Link>
      <h1>{enrolment.trainee_name}</h1>
      <p className="nhsuk-lede-text">
        {enrolment.status === 'accredited' ? `Accredited on ${formatDate(enrolment.completed_on)}` : `${readiness.stageName}, enrolled ${formatDate(enrolment.started_on)}`}
      </p>
      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">Flags and projected dates</h2>
        {forecast ? (
          <p>
            <ForecastLine stageName={readiness.stageName} forecast={forecast} fundingEndsOn={enrolment.funding_ends_on} />
          </p>
        ) : null}
        <FlagList flags={flags} />
        <p>
          <Link to={`/enrolments/${enrolment.id}/flags`}>
            Concerns and action plans{openConcerns > 0 ? ` (${openConcerns} open)` : ''}
            <span className="nhsuk-u-visually-hidden">: {enrolment.trainee_name}</span>
          </Link>
        </p>
      </section>
      {enrolment.status !== 'accredited' ? <ReadinessTable readiness={readiness} caption={`${readiness.stageName}: evidence so far`} /> : null}

      <h2>Stages and locking</h2>
      <p>Signed-off and accredited stages are locked. Unlock one only to correct its records, with a reason; every change is audited.</p>
      <StageHistory
        stages={stages}
        actions={(stage) =>
          stage.status === 'in_progress' ? (
            'Open'
          ) : (
            <ZodForm
              schema={stage.locked ? UnlockSchema : RelockSchema}
              intent={stage.locked ? UNLOCK_STAGE : RELOCK_STAGE}
              record={{ stageNumber: stage.stage_number }}
              defaultValues={{ reason: '' }}
              failure={failure}
              submitLabel={stage.locked ? `Unlock ${stage.name}` : `Lock ${stage.name} again`}
            >
              <TextArea name="reason" label={stage.locked ? 'Why the records need to change' : 'Note (optional)'} rows={2} />
            </ZodForm>
          )
        }
      />

      <h2>Supervisor and external accreditor</h2>
      <TableScroll label="Assignment history">
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Assignment history</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Person</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Assigned by, reason</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {assignments.history.map((a) => (
              <tr key={a.id}>
                <td>{a.kind === 'supervisor' ? 'Supervisor' : 'External accreditor'}</td>
                <td>{a.person_name}</td>
                <td className="app-nowrap">{formatDate(a.from_on)}</td>
                <td className="app-nowrap">{a.to_on ? formatDate(a.to_on) : 'Now'}</td>
                <td className="app-wrap">
                  {a.assigned_by_name ?? ''}
                  {a.reason ? `: ${a.reason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h3>Change the supervisor or accreditor</h3>
          <ZodForm schema={ReassignSchema} intent={REASSIGN} defaultValues={{ kind: '', userId: '', fromOn: today, reason: '' }} failure={failure} submitLabel="Save the change">
            <RadioGroup
              name="kind"
              label="Change"
              inline
              options={[
                { value: 'supervisor', label: 'Supervisor' },
                { value: 'accreditor', label: 'External accreditor' },
              ]}
            />
            <SelectField
              name="userId"
              label="New person"
              placeholder="Choose"
              options={[
                ...assignments.supervisors.map((s) => ({ value: String(s.id), label: `${s.name} (programme supervisor)` })),
                ...assignments.accreditors
                  .filter((a) => !assignments.supervisors.some((s) => s.id === a.id))
                  .map((a) => ({ value: String(a.id), label: `${a.name} (${a.isAccreditor ? 'accreditor' : 'supervisor'})` })),
              ]}
            />
            <TextField name="fromOn" label="From" type="date" />
            <TextArea name="reason" label="Reason for the change" rows={2} />
          </ZodForm>
        </div>
      </div>

      <VersionMove {...version} failure={failure} />

      <AuditTrail trail={audit} />
    </>
  )
}
