// The GET form that narrows the trainee's records on the supervisor's page (issue 12): client code,
// date range, status. Its values land in the URL; the server filters in the query.
import { Form, Link } from '@remix-run/react'
import { FilterSelect } from '~/components/filter-select'
import { RECORD_STATUSES, RECORD_STATUS_LABEL, recordsFiltered, type RecordsQuery } from '~/schemas/records-filter'

export function RecordsFilter({ query }: { query: RecordsQuery }) {
  return (
    <Form method="get" className="app-filters" aria-label="Filter the records" preventScrollReset>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="filter-client">
          Client code
        </label>
        <input className="nhsuk-input nhsuk-input--width-10" id="filter-client" name="client" defaultValue={query.client ?? ''} maxLength={20} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="filter-from">
          From
        </label>
        <input className="nhsuk-input" type="date" id="filter-from" name="from" defaultValue={query.from ?? ''} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="filter-to">
          To
        </label>
        <input className="nhsuk-input" type="date" id="filter-to" name="to" defaultValue={query.to ?? ''} />
      </div>
      <FilterSelect
        name="status"
        label="Status"
        value={query.status}
        options={[{ value: '', label: 'Any status' }, ...RECORD_STATUSES.map((s) => ({ value: s, label: RECORD_STATUS_LABEL[s] }))]}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary">
        Show records
      </button>
      {recordsFiltered(query) ? (
        <p>
          <Link to="?" preventScrollReset>
            Clear the filter
          </Link>
        </p>
      ) : null}
    </Form>
  )
}
