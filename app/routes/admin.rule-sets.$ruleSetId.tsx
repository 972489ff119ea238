// An admin's page for one rule-set version (ADR 0017). A published version shows its requirements
// and offers a new version copied from it; a draft is edited stage by stage and published. Risk
// thresholds and plausibility limits are settings, editable on any version. Each form posts one
// intent; the action calls one function per intent, each writing in one transaction.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { DraftDetailsForm, DraftStageForm, PublishForm, RuleSetStatusTag, StagesTable } from '~/components/rule-set-editor'
import { updateThresholds } from '~/models/rule-set.server'
import { createDraftVersion, getRuleSetVersion, publishVersion, saveDraftDetails, saveDraftStage } from '~/models/rule-set-versions.server'
import type { Db } from '~/models/db-types'
import { DraftDetailsSchema, DraftStageSchema, NEW_VERSION, PUBLISH_VERSION, SAVE_DETAILS, SAVE_STAGE, SAVE_THRESHOLDS, ThresholdsSchema } from '~/schemas/rule-set'
import { requireRole } from '~/utils/auth.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { found } from '~/utils/http.server'
import { intentOf, type PostedForm } from '~/utils/intent.server'
import { formatPence } from '~/utils/money'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.ruleSet.name ?? 'Rule set'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { ruleSet, status, pathway } = found(await getRuleSetVersion(await getDb(), idParam(params.ruleSetId)))
  return json({ ruleSet, status, pathway })
}

const INTENTS = [SAVE_THRESHOLDS, NEW_VERSION, SAVE_DETAILS, SAVE_STAGE, PUBLISH_VERSION] as const

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const ruleSetId = idParam(params.ruleSetId)
  const values = await readFormValues(request)
  const intent = intentOf(values, INTENTS)
  const form: RuleSetForm = { request, db: await getDb(), user, ruleSetId, values }
  try {
    switch (intent) {
      case SAVE_THRESHOLDS:
        return await saveThresholds(form)
      case NEW_VERSION:
        return await newVersion(form)
      case SAVE_DETAILS:
        return await saveDetails(form)
      case SAVE_STAGE:
        return await saveStage(form)
      case PUBLISH_VERSION:
        return await publish(form)
    }
  } catch (error) {
    return refusalAnswer(error, values, intent)
  }
}

type RuleSetForm = PostedForm & { ruleSetId: number }

const pageOf = (ruleSetId: number) => `/admin/rule-sets/${ruleSetId}`

/** Runs one write in a transaction; no such rule set (or stage) is a 404. */
function inTransaction<T>({ db }: RuleSetForm, work: (trx: Db) => Promise<T | undefined>): Promise<T> {
  return db.transaction().execute(work).then(found)
}

async function saveThresholds(form: RuleSetForm) {
  const parsed = parseValues(form.values, ThresholdsSchema)
  if (!parsed.ok) return invalid(parsed.failure, SAVE_THRESHOLDS)
  await inTransaction(form, (trx) => updateThresholds(trx, form.user.id, form.ruleSetId, parsed.data))
  return redirectWithFlash(form.request, pageOf(form.ruleSetId), 'Thresholds saved. Flags and warnings everywhere now use them.')
}

async function newVersion(form: RuleSetForm) {
  const id = await inTransaction(form, (trx) => createDraftVersion(trx, form.user.id, form.ruleSetId, today()))
  return redirectWithFlash(form.request, pageOf(id), 'New version created as a draft, copied from the one you were reading. Change what differs, then publish it.')
}

async function saveDetails(form: RuleSetForm) {
  const parsed = parseValues(form.values, DraftDetailsSchema)
  if (!parsed.ok) return invalid(parsed.failure, SAVE_DETAILS)
  await inTransaction(form, (trx) => saveDraftDetails(trx, form.user.id, form.ruleSetId, parsed.data))
  return redirectWithFlash(form.request, pageOf(form.ruleSetId), 'Name and award saved.')
}

async function saveStage(form: RuleSetForm) {
  const parsed = parseValues(form.values, DraftStageSchema)
  if (!parsed.ok) return invalid(parsed.failure, SAVE_STAGE)
  await inTransaction(form, (trx) => saveDraftStage(trx, form.user.id, form.ruleSetId, parsed.data))
  return redirectWithFlash(form.request, `${pageOf(form.ruleSetId)}#stage-${parsed.data.stageNumber}-heading`, `${parsed.data.name} saved.`)
}

async function publish(form: RuleSetForm) {
  await inTransaction(form, (trx) => publishVersion(trx, form.user.id, form.ruleSetId, today()))
  return redirectWithFlash(form.request, pageOf(form.ruleSetId), 'Version published. Leads can now enrol trainees on it.')
}

export default function RuleSetPage() {
  const { ruleSet, status, pathway } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = ruleSet.thresholds
  return (
    <>
      <Link className="nhsuk-back-link" to="/admin">
        Administration
      </Link>
      <h1>{ruleSet.name}</h1>
      <p>
        <RuleSetStatusTag status={status} />
      </p>
      <p>
        {pathway.name} pathway, version {ruleSet.version} (key {ruleSet.key}). Award: {ruleSet.awardTitle}. Registration fee: {formatPence(ruleSet.registrationFeePence)}.
      </p>
      {status === 'draft' ? (
        <>
          <div className="nhsuk-inset-text">
            <p>This is a draft: no trainee can be enrolled on it until it is published. Each stage is saved on its own.</p>
          </div>
          <h2>Name and award</h2>
          <DraftDetailsForm ruleSet={ruleSet} failure={failure} />
          <h2>Stages</h2>
          {ruleSet.stages.map((stage) => (
            <DraftStageForm key={stage.stageNumber} stage={stage} failure={failure} />
          ))}
          <PublishForm failure={failure} />
        </>
      ) : (
        <>
          <h2>Stages</h2>
          <p>Requirements change only through a new version of the rule set, so no trainee’s record is judged by rules they did not train under.</p>
          <StagesTable ruleSet={ruleSet} />
          <Form method="post">
            <input type="hidden" name="intent" value={NEW_VERSION} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Create a new version from this one
            </button>
          </Form>
        </>
      )}
      <h2>When to flag a trainee as at risk</h2>
      <p>No published maximum exists, so these are settings. Changing them changes which flags and warnings show; it never changes anyone’s records.</p>
      <ZodForm
        schema={ThresholdsSchema}
        intent={SAVE_THRESHOLDS}
        failure={failure}
        submitLabel="Save thresholds"
        defaultValues={{
          supervisionGapWeeks: t.supervisionGapWeeks,
          cycleGapWeeks: t.cycleGapWeeks,
          overrunRedMonths: t.overrunRedMonths,
          behindPacePercent: Math.round(t.behindPaceRatio * 100),
          waitingDays: t.waitingDays,
          erasureWarningDays: t.erasureWarningDays,
          recordingRetentionDays: ruleSet.recordingRetentionDays,
          maxSupervisionHoursPerDay: Math.round(t.maxSupervisionMinutesPerDay / 60),
          maxSharedReviewsPerDay: t.maxSharedReviewsPerDay,
        }}
      >
        <TextField name="supervisionGapWeeks" label="Weeks without confirmed supervision before an amber flag" hint="Red at double this." width={3} inputMode="numeric" />
        <TextField name="cycleGapWeeks" label="Weeks without a completed cycle before an amber flag" hint="Red at double this." width={3} inputMode="numeric" />
        <TextField
          name="overrunRedMonths"
          label="Months past a stage’s expected length before the flag turns red"
          hint="Amber as soon as the expected length has passed."
          width={3}
          inputMode="numeric"
        />
        <TextField name="behindPacePercent" label="Behind pace below this percentage of the expected pace" width={3} inputMode="numeric" />
        <TextField name="waitingDays" label="Days a confirmation, feedback, sign-off or accreditation may wait" hint="Red at double this." width={3} inputMode="numeric" />
        <TextField name="recordingRetentionDays" label="Days recordings may be kept after work with a family ends" width={4} inputMode="numeric" />
        <TextField name="erasureWarningDays" label="Days of warning before recordings must be erased" width={3} inputMode="numeric" />
        <TextField
          name="maxSupervisionHoursPerDay"
          label="Hours of supervision on one day above which to warn"
          hint="The trainee and supervisor see a warning (never a refusal) when more is logged on one day."
          width={3}
          inputMode="numeric"
        />
        <TextField name="maxSharedReviewsPerDay" label="Shared reviews on one day above which to warn" width={3} inputMode="numeric" />
      </ZodForm>
    </>
  )
}
