// Did VIG help the families? The programme's evaluation for commissioners: for each outcome measure
// the change between before and after VIG, drop-out, and what families, practitioners and managers
// said about it. Only aggregates, with small numbers suppressed (app/domain/evaluation.ts). The
// date range is a GET form, so the PDF and CSV links carry the same dates.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AcceptabilitySections, BeforeAfterChart, FeedbackLinkCard, MeasureSections } from '~/components/evaluation'
import { SelectField, TextField, ZodForm } from '~/components/form'
import { EVALUATION_DEFINITIONS } from '~/domain/evaluation'
import { createFeedbackLink, FEEDBACK_LINK_DAYS, feedbackPath } from '~/models/evaluation.server'
import { findLedProgramme } from '~/models/programme.server'
import { EvaluationRangeSchema, FeedbackLinkSchema, RESPONDENTS } from '~/schemas/evaluation'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { invalid, parseForm } from '~/utils/forms.server'
import { loadEvaluationRequest } from '~/utils/evaluation-request.server'
import { PROGRAMME_ROLES } from '~/models/access.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Evaluation – ${data?.programme.name ?? 'Programme'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, defaults, failure, range, report, query } = await loadEvaluationRequest(request, params)
  return json({ programme: { id: programme.id, name: programme.name }, defaults, failure, range, report, query })
}

const LINK = 'feedback-link'

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  const parsed = await parseForm(request, FeedbackLinkSchema)
  if (!parsed.ok) return invalid(parsed.failure, LINK)
  const token = await db.transaction().execute((trx) => createFeedbackLink(trx, { createdBy: user.id, programmeId: programme.id, respondent: parsed.data.respondent }))
  const respondent = RESPONDENTS.find((r) => r.value === parsed.data.respondent)!.label.toLowerCase()
  return json({ ok: true as const, link: { url: new URL(feedbackPath(token), env.PUBLIC_BASE_URL).href, days: FEEDBACK_LINK_DAYS, respondent } })
}

export default function EvaluationPage() {
  const { programme, defaults, failure, range, report, query } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const link = answer && 'link' in answer ? answer.link : null
  const linkFailure = answer && 'fieldErrors' in answer ? answer : null
  const base = `/lead/programmes/${programme.id}`
  return (
    <>
      <Link className="nhsuk-back-link" to={base}>
        {programme.name}
      </Link>
      <span className="nhsuk-caption-l">{programme.name}</span>
      <h1>Did VIG help the families?</h1>
      <p className="nhsuk-lede-text">
        The programme’s evaluation for families whose first scores were taken from {formatDate(range.from)} to {formatDate(range.to)}. Only totals are shown, never a family, and no figure
        for fewer than 5 families.
      </p>

      <ZodForm schema={EvaluationRangeSchema} method="get" defaultValues={defaults} failure={failure} submitLabel="Show these dates" busyLabel="Updating…">
        <TextField name="from" label="From" type="date" />
        <TextField name="to" label="To" type="date" />
      </ZodForm>

      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/evaluation/pdf${query}`} download>
            Download the evaluation for commissioners (PDF)
          </a>
        </li>
        <li>
          <a href={`${base}/evaluation/csv${query}`} download>
            Download the figures per measure (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/evaluation/data${query}`} download>
            Download the anonymised scores for an external evaluator (CSV)
          </a>
        </li>
      </ul>

      <h2>Before and after VIG</h2>
      <BeforeAfterChart report={report} />

      <h2>Each outcome measure</h2>
      <MeasureSections report={report} />

      <h2>How acceptable and practical VIG was</h2>
      <AcceptabilitySections report={report} />

      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How these numbers are worked out</span>
        </summary>
        <div className="nhsuk-details__text">
          <ul>
            {EVALUATION_DEFINITIONS.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      </details>

      <h2>Ask for feedback</h2>
      {link ? <FeedbackLinkCard link={link} /> : null}
      <p>Make a one-time link for a family, a practitioner or a manager to give feedback on a phone, with no account. Answers are anonymous.</p>
      <ZodForm key={link?.url ?? 'link'} schema={FeedbackLinkSchema} defaultValues={{ respondent: '' }} failure={linkFailure} intent={LINK} submitLabel="Make a link">
        <SelectField name="respondent" label="Who is it for?" options={RESPONDENTS.map((r) => ({ ...r }))} placeholder="Choose" />
      </ZodForm>
      <p>
        <Link to="/measures">Outcome measures in use</Link> · <Link to={`${base}/report`}>Sustainability plan</Link>
      </p>
    </>
  )
}
