// The top of the supervisor's trainee page: what is waiting for them on this trainee, from the same
// to-do queue as their home page (domain/todo-queue.ts), each linked to the section where it is done.
import type { Todo, TodoKind } from '~/domain/todo-queue'
import { plural } from '~/domain/wording'

/** Where on the trainee's page each kind of to-do is done. */
export const TODO_SECTION: Record<TodoKind, string> = {
  confirm_session: 'supervision',
  read_reflection: 'reflections',
  record_introduction: 'meetings',
  record_end_meeting: 'decision',
  sign_off: 'decision',
}

export function NeedsYou({ todos }: { todos: Pick<Todo, 'kind' | 'title' | 'daysWaiting' | 'overdue'>[] }) {
  return (
    <section id="needs-you" aria-labelledby="needs-you-heading">
      <h2 id="needs-you-heading">What needs you now</h2>
      {todos.length === 0 ? (
        <p>Nothing is waiting for you on this trainee.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {todos.map((t, i) => (
            <li key={i}>
              <a href={`#${TODO_SECTION[t.kind]}`}>{t.title}</a> <span className="nhsuk-body-s">({plural(t.daysWaiting, 'day')} waiting)</span>
              {t.overdue ? (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
