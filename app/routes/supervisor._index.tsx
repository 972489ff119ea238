import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { TODO_SECTION } from '~/components/supervisor-trainee/needs-you'
import { TraineeTable, traineeRow } from '~/components/trainee-table'
import { FilterSelect } from '~/components/filter-select'
import { filterAndSort } from '~/domain/dashboard'
import { plural } from '~/domain/wording'
import { supervisorCaseload } from '~/models/caseload.server'
import { requireRole } from '~/utils/auth.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { TableScroll } from '~/components/table-scroll'
import { CASELOAD_STATUSES, CASELOAD_STATUS_LABEL, CaseloadQuerySchema } from '~/schemas/records-filter'

export const meta: MetaFunction = () => [{ title: 'My trainees – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const db = await getDb()
  const query = CaseloadQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const filtered = query.name !== null || query.status !== null
  // The to-do queue always covers every trainee; the caseload table shows those the filter matches.
  const [all, matching] = await Promise.all([supervisorCaseload(db, user, today()), filtered ? supervisorCaseload(db, user, today(), query) : null])
  // Who needs help most comes first.
  const ordered = filterAndSort((matching ?? all).trainees, { stage: null, severity: null, supervisorId: null, sort: 'risk' })
  return json({ name: user.name, trainees: ordered.map((t) => ({ ...traineeRow(t), todoCount: t.todoCount })), todos: all.todos, total: all.trainees.length, query, filtered })
}

export default function SupervisorHome() {
  const { name, trainees, todos, total, query, filtered } = useLoaderData<typeof loader>()
  const overdue = todos.filter((t) => t.overdue).length
  return (
    <>
      <h1>My trainees, {name}</h1>
      <h2 id="todo-heading">To do</h2>
      {todos.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <>
          <p>
            {plural(todos.length, 'thing')} waiting for you{overdue ? `, ${overdue} overdue` : ''}. Overdue first, then the longest waiting.
          </p>
          <TableScroll label="To do">
            <table className="nhsuk-table" aria-labelledby="todo-heading">
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Trainee</th>
                  <th scope="col">To do</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {todos.map((t, i) => (
                  <tr key={`${t.kind}-${t.enrolmentId}-${i}`} className={t.overdue ? 'app-todo--overdue' : undefined}>
                    <td>{t.traineeName}</td>
                    <td>
                      <Link to={`/supervisor/trainees/${t.enrolmentId}#${TODO_SECTION[t.kind]}`}>{t.title}</Link>
                    </td>
                    <td className="app-nowrap">
                      {plural(t.daysWaiting, 'day')}
                      {t.overdue ? (
                        <>
                          {' '}
                          <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <h2 id="caseload-heading">Caseload</h2>
      {total === 0 ? (
        <p>You have no trainees yet.</p>
      ) : (
        <>
          <Form method="get" className="app-filters" aria-label="Search and filter the caseload" preventScrollReset>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="filter-name">
                Name
              </label>
              <input className="nhsuk-input nhsuk-input--width-20" id="filter-name" name="name" type="search" defaultValue={query.name ?? ''} maxLength={100} />
            </div>
            <FilterSelect
              name="status"
              label="Status"
              value={query.status}
              options={[{ value: '', label: 'Everyone' }, ...CASELOAD_STATUSES.map((s) => ({ value: s, label: CASELOAD_STATUS_LABEL[s] }))]}
            />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Show
            </button>
          </Form>
          {filtered ? (
            <p role="status">
              {trainees.length} of {plural(total, 'trainee')} match. <Link to="?">Show everyone</Link>
            </p>
          ) : null}
          {trainees.length === 0 ? (
            <p>No trainee matches.</p>
          ) : (
            <TraineeTable
              rows={trainees}
              label="Caseload"
              caption="Caseload: your trainees, most at risk first"
              href={(t) => `/supervisor/trainees/${t.id}`}
              nameNote={(t) => (t.todoCount ? <span className="nhsuk-body-s"> ({plural(t.todoCount, 'to-do')})</span> : null)}
            />
          )}
        </>
      )}
    </>
  )
}
