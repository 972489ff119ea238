// The sustainability plan for one programme: what it will take for every trainee still in training
// to finish, and by when. The what-if form is a GET form: changing the end date, capacity or budget
// changes the projections in the URL, and nothing is saved.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { TextField, ZodForm } from '~/components/form'
import { CostSection, DEFINITIONS, DemandSection, Headline, PipelineChart, QuartersChart, Recommendations, TraineesTable } from '~/components/sustainability-report'
import { WhatIfSchema } from '~/schemas/report'
import { formatDate } from '~/utils/dates'
import { loadReportRequest } from '~/utils/report-request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Sustainability plan – ${data?.programme.name ?? 'Programme'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  return json(await loadReportRequest(request, params))
}

export default function SustainabilityReportPage() {
  const { programme, defaults, failure, report, query, changed } = useLoaderData<typeof loader>()
  const base = `/lead/programmes/${programme.id}`
  return (
    <>
      <Link className="nhsuk-back-link" to={base}>
        {programme.name}
      </Link>
      <span className="nhsuk-caption-l">{programme.name}</span>
      <h1>Sustainability plan</h1>
      <p className="nhsuk-lede-text">
        What it will take for every trainee still in training to finish, as of {formatDate(report.asOf)}, with the funding ending on {formatDate(report.endsOn)}.
      </p>

      <section aria-labelledby="what-if">
        <h2 id="what-if">What if</h2>
        <p>Change the end date, the supervisors’ capacity or the budget to see the projections change. Nothing is saved.</p>
        <ZodForm
          schema={WhatIfSchema}
          method="get"
          defaultValues={defaults}
          failure={failure}
          submitLabel="Update projections"
          busyLabel="Updating…"
          secondary={changed ? <Link to={`${base}/report`}>Back to the programme’s own figures</Link> : null}
        >
          <TextField name="asOf" label="As of" type="date" hint="Projections start from this date. The records are as they stand now." />
          <TextField name="endsOn" label="Finish by (the funding end date)" type="date" />
          <TextField
            name="capacityHours"
            label="Supervisors’ capacity, hours a month"
            hint="All the programme’s supervisors together, for example 14 or 7.5. Each supervisor’s own hours stay as recorded."
            width={5}
          />
          <TextField name="budgetPounds" label="Total budget, in pounds" hint="Fees already incurred are taken off it, for example 24000" width={10} />
        </ZodForm>
        {changed ? (
          <div className="nhsuk-inset-text" role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>These projections use your what-if figures. The programme’s own figures have not changed.</p>
          </div>
        ) : null}
      </section>

      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/report/pdf${query}`} download>
            Download this report for commissioners (PDF)
          </a>
        </li>
        <li>
          <a href={`${base}/report/csv${query}`} download>
            Download the trainees’ table (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/report/csv${query ? `${query}&` : '?'}table=months`} download>
            Download supervision by month (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/report/csv${query ? `${query}&` : '?'}table=supervisors`} download>
            Download each supervisor’s hours by month (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/report/csv${query ? `${query}&` : '?'}table=quarters`} download>
            Download accreditations by quarter (CSV)
          </a>
        </li>
      </ul>

      <p>
        <Link to={`${base}/evaluation`}>Did VIG help the families? The programme’s evaluation</Link>
      </p>

      <Recommendations report={report} />

      <h2>The programme at a glance</h2>
      <Headline report={report} />
      <PipelineChart report={report} />

      <h2>Every trainee still in training</h2>
      <TraineesTable report={report} />

      <h2>Supervision needed against capacity</h2>
      <DemandSection report={report} />

      <h2>Projected accreditations</h2>
      <QuartersChart report={report} />

      <h2>Cost to complete</h2>
      <CostSection report={report} />

      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">How these numbers are worked out</span>
        </summary>
        <div className="nhsuk-details__text">
          <ul>
            {DEFINITIONS.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      </details>

      <h2>Data in and out</h2>
      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/export`} download>
            Export the programme’s records (zip of CSV files)
          </a>
        </li>
        <li>
          <Link to={`${base}/import`}>Import trainees, cycles and supervision from a spreadsheet</Link>
        </li>
      </ul>
    </>
  )
}
