import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { TableScroll } from '~/components/table-scroll'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { formatHours } from '~/domain/readiness'
import { getRuleSets, updateThresholds } from '~/models/rule-set.server'
import { ThresholdsSchema } from '~/schemas/rule-set'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm } from '~/utils/forms.server'
import { formatPence } from '~/utils/money'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'
import { found, notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.ruleSet.name ?? 'Rule set'} – Attune` }]

const END_MEETING: Record<string, string> = {
  course_completion: 'Course completed',
  transition: 'Transition meeting',
  midpoint: 'Mid-point presentation',
  accreditation: 'Accreditation meeting',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const id = idParam(params.ruleSetId)
  const ruleSet = (await getRuleSets(await getDb(), [id])).get(id)
  if (!ruleSet) throw notFound()
  return json({ ruleSet })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, ThresholdsSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const id = idParam(params.ruleSetId)
  const db = await getDb()
  found(await db.transaction().execute((trx) => updateThresholds(trx, user.id, id, parsed.data)))
  return redirectWithFlash(request, `/admin/rule-sets/${id}`, 'Thresholds saved. Flags everywhere now use them.')
}

export default function RuleSetPage() {
  const { ruleSet } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = ruleSet.thresholds
  return (
    <>
      <Link className="nhsuk-back-link" to="/admin">
        Administration
      </Link>
      <h1>{ruleSet.name}</h1>
      <p>
        Version {ruleSet.version}. Award: {ruleSet.awardTitle}. Registration fee: {formatPence(ruleSet.registrationFeePence)}.
      </p>
      <h2>Stages</h2>
      <p>Requirements change only through a new version of the rule set, so no trainee’s record is judged by rules they did not train under.</p>
      <TableScroll label="Stage requirements">
        <table className="nhsuk-table">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {['Stage', 'Cycles', 'New clients', 'Supervision', 'Introduction', 'Written reflection', 'Ends with', 'Expected', 'Fee'].map((h) => (
                <th scope="col" className="nhsuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {ruleSet.stages.map((s) => (
              <tr className="nhsuk-table__row" key={s.stageNumber}>
                <th scope="row" className="nhsuk-table__header">
                  {s.name}
                </th>
                <td className="nhsuk-table__cell">{s.requiredCycles}</td>
                <td className="nhsuk-table__cell">{s.requiredNewClients}</td>
                <td className="nhsuk-table__cell app-nowrap">{formatHours(s.requiredSupervisionMinutes)}</td>
                <td className="nhsuk-table__cell">{s.requiresIntroductionSession ? 'Yes' : 'No'}</td>
                <td className="nhsuk-table__cell">{s.requiresWrittenReflection ? 'Yes' : 'No'}</td>
                <td className="nhsuk-table__cell">{END_MEETING[s.endMeeting]}</td>
                <td className="nhsuk-table__cell app-nowrap">{s.expectedMonths} months</td>
                <td className="nhsuk-table__cell">{formatPence(s.feePence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>When to flag a trainee as at risk</h2>
      <p>No published maximum exists, so these are settings. Changing them changes which flags show; it never changes anyone’s records.</p>
      <ZodForm
        schema={ThresholdsSchema}
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
