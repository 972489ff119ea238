import { FilterSelect } from '~/components/filter-select'
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BarChart } from '~/components/charts/bar-chart'
import { TablePages, TraineeTable, traineeRow } from '~/components/trainee-table'
import { TableScroll } from '~/components/table-scroll'
import { HeadlineList } from '~/components/sustainability-report'
import { accreditationsByMonth, headlineCounts, pipeline, stagesPresent } from '~/domain/dashboard'
import { TableQuerySchema } from '~/schemas/dashboard'
import { formatHours } from '~/domain/readiness'
import { findLedProgramme, programmeTraineeTable } from '~/models/programme.server'
import { listProgrammeAwaitingAccreditation } from '~/models/sign-off.server'
import { AccreditationWaitTag } from '~/components/stage-tags'
import { requireRole } from '~/utils/auth.server'
import { formatDate, formatInstant, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { found } from '~/utils/http.server'
import { idParam } from '~/utils/params'
import { formatPence } from '~/utils/money'
import { PROGRAMME_ROLES } from '~/models/access.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.programme.name ?? 'Programme'} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programmeId = idParam(params.programmeId)
  const date = today()
  const query = TableQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  // All at once: each query is limited to what the viewer may see, so for a programme they do not
  // lead the table and list come back empty and the page answers 404 as before.
  // The headline and charts count every trainee; the table sends one page of rows.
  const [led, { trainees, table }, awaitingAccreditation] = await Promise.all([
    findLedProgramme(db, user, programmeId),
    programmeTraineeTable(db, user, programmeId, date, query),
    listProgrammeAwaitingAccreditation(db, user, programmeId, date),
  ])
  const programme = found(led)
  const { rows, ...pages } = table
  return json({
    programme,
    awaitingAccreditation,
    query,
    stages: stagesPresent(trainees),
    table: pages,
    shown: rows.map((t) => ({ ...traineeRow(t), supervisor_name: t.supervisor_name })),
    headline: headlineCounts(trainees, programme.funding_ends_on),
    pipeline: pipeline(trainees.filter((t) => t.status !== 'withdrawn')),
    months: accreditationsByMonth(trainees, date, programme.funding_ends_on),
  })
}

const SORT_OPTIONS = [
  { value: 'risk', label: 'Most at risk first' },
  { value: 'name', label: 'Name' },
  { value: 'stage', label: 'Stage' },
  { value: 'last_activity', label: 'Longest without activity' },
  { value: 'accreditation', label: 'Projected accreditation' },
]

/** Stages signed off and waiting for their accreditor, the longest waiting first; overdue ones tagged. Nothing when none waits. */
function AwaitingAccreditation({
  rows,
}: {
  rows: {
    enrolment_id: number
    trainee_name: string
    stage_name: string
    accreditor_name: string | null
    signed_off_at: string
    daysWaiting: number
    overdue: boolean
    waitingDays: number
  }[]
}) {
  if (rows.length === 0) return null
  return (
    <section aria-labelledby="awaiting-accreditation">
      <h2 id="awaiting-accreditation">Waiting for accreditation</h2>
      <TableScroll label="Stages waiting for accreditation">
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Stages waiting for accreditation, the longest waiting first</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Trainee</th>
              <th scope="col">Stage</th>
              <th scope="col">Accreditor</th>
              <th scope="col">Waiting since sign-off</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((w) => (
              <tr key={`${w.enrolment_id}-${w.stage_name}`}>
                <td>
                  <Link to={`/lead/enrolments/${w.enrolment_id}`}>{w.trainee_name}</Link>
                </td>
                <td>{w.stage_name}</td>
                <td>{w.accreditor_name ?? 'None allocated'}</td>
                <td className="app-nowrap">
                  <AccreditationWaitTag daysWaiting={w.daysWaiting} overdue={w.overdue} waitingDays={w.waitingDays} />
                  <br />
                  <span className="nhsuk-body-s">since {formatInstant(w.signed_off_at)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  )
}

export default function ProgrammeOverview() {
  const data = useLoaderData<typeof loader>()
  const { programme, shown, query, stages, table } = data
  return (
    <>
      <Link to="/lead" className="nhsuk-back-link">
        Programmes
      </Link>
      <h1>{programme.name}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Organisation</dt>
          <dd className="nhsuk-summary-list__value">{programme.organisation_name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Dates</dt>
          <dd className="nhsuk-summary-list__value">
            Started {formatDate(programme.started_on)}; funding ends {formatDate(programme.funding_ends_on)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Budget</dt>
          <dd className="nhsuk-summary-list__value">{formatPence(programme.budget_pence)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Supervisors</dt>
          <dd className="nhsuk-summary-list__value">
            {programme.supervisors.length === 0 ? 'None yet' : programme.supervisors.map((s) => `${s.name} (${formatHours(s.capacity_minutes_per_month)} a month)`).join(', ')}
          </dd>
        </div>
      </dl>
      <div className="nhsuk-button-group">
        <Link to={`/lead/programmes/${programme.id}/enrol`} className="nhsuk-button">
          Enrol a trainee
        </Link>
        <Link to={`/lead/programmes/${programme.id}/people`} className="nhsuk-button nhsuk-button--secondary">
          People and sign-in links
        </Link>
        <Link to={`/lead/programmes/${programme.id}/edit`} className="nhsuk-button nhsuk-button--secondary">
          Edit programme
        </Link>
        <Link to={`/lead/programmes/${programme.id}/report`} className="nhsuk-button nhsuk-button--secondary">
          Sustainability plan
        </Link>
      </div>
      <AwaitingAccreditation rows={data.awaitingAccreditation} />
      <HeadlineList
        items={[
          ['enrolled', data.headline.enrolled],
          ['accredited', data.headline.accredited],
          ['with a red flag', data.headline.red],
          ['with amber flags only', data.headline.amber],
          [`projected to finish after funding ends (${formatDate(programme.funding_ends_on)})`, data.headline.afterFunding],
        ]}
      />
      <h2 id="trainees">Trainees</h2>
      <Form method="get" className="app-filters" aria-label="Filter and sort the trainees" preventScrollReset>
        <FilterSelect
          name="stage"
          label="Stage"
          value={query.stage}
          options={[{ value: '', label: 'All stages' }, ...stages.map((s) => ({ value: String(s.stageNumber), label: s.name }))]}
        />
        <FilterSelect
          name="severity"
          label="Flags"
          value={query.severity}
          options={[
            { value: '', label: 'Everyone' },
            { value: 'any', label: 'Any flag' },
            { value: 'red', label: 'Red flags' },
            { value: 'amber', label: 'Amber only' },
            { value: 'none', label: 'No flags' },
          ]}
        />
        <FilterSelect
          name="supervisorId"
          label="Supervisor"
          value={query.supervisorId}
          options={[{ value: '', label: 'All supervisors' }, ...programme.supervisors.map((s) => ({ value: String(s.id), label: s.name }))]}
        />
        <FilterSelect name="sort" label="Sort by" value={query.sort} options={SORT_OPTIONS} />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </Form>
      {shown.length === 0 ? (
        <p>No trainee matches these filters.</p>
      ) : (
        <TraineeTable
          rows={shown}
          label="Trainees"
          caption={`Trainees on ${programme.name}, sorted by ${SORT_OPTIONS.find((o) => o.value === query.sort)!.label.toLowerCase()}, ${table.from} to ${table.to} of ${table.total}`}
          href={(t) => `/lead/enrolments/${t.id}`}
          columns={[{ header: 'Supervisor', cell: (t) => t.supervisor_name ?? 'None' }]}
        />
      )}
      <TablePages table={table} query={query} />
      <h2>Pipeline and projected accreditations</h2>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <BarChart
            id="pipeline"
            title="Trainees by stage"
            description={data.pipeline.map((p) => `${p.label}: ${p.count}`).join('; ')}
            series={[{ name: 'Trainees' }]}
            categories={data.pipeline.map((p) => ({ label: p.label, values: [p.count] }))}
            format={String}
          />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <BarChart
            id="accreditations"
            title="Projected accreditations by month"
            description={`Funding ends ${formatDate(programme.funding_ends_on)}. ${data.months
              .filter((m) => m.count > 0)
              .map((m) => `${m.label}${m.afterFunding ? ' (after funding ends)' : ''}: ${m.count}`)
              .join('; ')}.`}
            series={[{ name: 'Accreditations' }]}
            categories={data.months.map((m) => ({ label: `${m.label}${m.afterFunding ? ' · after funding ends' : ''}`, values: [m.count] }))}
            format={String}
          />
        </div>
      </div>
      <p>
        <Link to={`/lead/programmes/${programme.id}/report`}>Sustainability plan: what it will take for everyone to finish</Link> ·{' '}
        <Link to={`/lead/programmes/${programme.id}/evaluation`}>Evaluation: did VIG help the families?</Link> ·{' '}
        <a href={`/lead/programmes/${programme.id}/export`} download>
          Export all records (CSV, zip)
        </a>{' '}
        · <Link to={`/lead/programmes/${programme.id}/import`}>Import from a spreadsheet</Link> · <Link to="/certificates">Certificates</Link>
      </p>
    </>
  )
}
