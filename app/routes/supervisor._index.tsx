import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OutlookCells, ProgressCells } from '~/components/progress-cells'
import { filterAndSort } from '~/domain/dashboard'
import type { TodoKind } from '~/domain/todo-queue'
import { plural } from '~/domain/wording'
import { supervisorCaseload } from '~/models/caseload.server'
import { requireRole } from '~/utils/auth.server'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { TableScroll } from '~/components/table-scroll'

export const meta: MetaFunction = () => [{ title: 'My trainees – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'supervisor')
  const { trainees, todos } = await supervisorCaseload(await getDb(), user, today())
  // Who needs help most comes first.
  const ordered = filterAndSort(trainees, { stage: null, severity: null, supervisorId: null, sort: 'risk' })
  return json({ name: user.name, trainees: ordered, todos })
}

/** Where on the trainee's page each kind of to-do is done. */
const SECTION: Record<TodoKind, string> = {
  confirm_session: 'sessions',
  read_reflection: 'reflections',
  record_introduction: 'meetings',
  record_end_meeting: 'sign-off',
  sign_off: 'sign-off',
}

export default function SupervisorHome() {
  const { name, trainees, todos } = useLoaderData<typeof loader>()
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
                      <Link to={`/supervisor/trainees/${t.enrolmentId}#${SECTION[t.kind]}`}>{t.title}</Link>
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
      {trainees.length === 0 ? (
        <p>You have no trainees yet.</p>
      ) : (
        <TableScroll label="Caseload">
          <table className="nhsuk-table" aria-labelledby="caseload-heading">
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Trainee</th>
                <th scope="col">Stage</th>
                <th scope="col">Readiness</th>
                <th scope="col">Last activity</th>
                <th scope="col">Projected accreditation</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {trainees.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/supervisor/trainees/${t.id}`}>{t.trainee_name}</Link>
                    {t.todoCount ? <span className="nhsuk-body-s"> ({plural(t.todoCount, 'to-do')})</span> : null}
                  </td>
                  <ProgressCells enrolmentStatus={t.status} stageStatus={t.stage_status} stageCompletedOn={t.stage_completed_on} readiness={t.readiness} />
                  <OutlookCells
                    id={t.id}
                    name={t.trainee_name}
                    lastActivityOn={t.lastActivityOn}
                    accreditationOn={t.accreditationOn}
                    accredited={t.accredited}
                    fundingEndsOn={t.funding_ends_on}
                    flags={t.flags}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  )
}
