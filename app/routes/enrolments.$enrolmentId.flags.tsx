// One trainee's risk flags, projected dates and the concerns raised on them.
import { TableScroll } from '~/components/table-scroll'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FlagList } from '~/components/flag-list'
import { TextArea, TextField, ZodForm } from '~/components/form'
import { CONCERN_STATE_LABEL, concernState } from '~/domain/concerns'
import { closeConcern, listConcerns, raiseConcern } from '~/models/concern.server'
import { findVisibleEnrolment } from '~/models/enrolment.server'
import { loadProgress } from '~/models/progress.server'
import { CLOSE_CONCERN, CloseConcernSchema, ConcernSchema, RAISE_CONCERN } from '~/schemas/concern'
import { requireRole, requireUser } from '~/utils/auth.server'
import { formatDate, formatInstant, nowInstant, today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues } from '~/utils/forms.server'
import { badRequest, intentOf, type PostedForm } from '~/utils/intent.server'
import { idParam } from '~/utils/params'
import { redirectWithFlash } from '~/utils/session.server'
import { found, notFound } from '~/utils/http.server'
import { OVERSIGHT_ROLES, PROGRAMME_ROLES, hasRole, type Viewer } from '~/models/access.server'
import { ForecastLine } from '~/components/forecast-line'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Flags and concerns: ${data?.traineeName ?? ''} – Attune` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = await getDb()
  const enrolment = found(await findVisibleEnrolment(db, user, idParam(params.enrolmentId)))
  const date = today()
  const [progress, concerns] = await Promise.all([loadProgress(db, [enrolment], date), listConcerns(db, [enrolment.id])])
  const { flags, forecast, readiness } = progress.get(enrolment.id)!
  const firing = new Set<string>(flags.map((f) => f.code))
  return json({
    traineeName: enrolment.trainee_name,
    stageName: readiness.stageName,
    flags,
    forecast,
    fundingEndsOn: enrolment.funding_ends_on,
    canManage: hasRole(user, ...OVERSIGHT_ROLES),
    backTo: backLink(user, enrolment.id, enrolment.trainee_name),
    concerns: concerns.map((c) => ({ ...c, state: concernState({ flagCode: c.flag_code, reviewOn: c.review_on, clearedAt: c.cleared_at }, firing, date) })),
  })
}

/** Back to the page this viewer keeps the trainee on: a lead's (or admin's) trainee page, a supervisor's, an accreditor's, or the trainee's home. */
function backLink(user: Viewer, enrolmentId: number, traineeName: string) {
  if (hasRole(user, ...PROGRAMME_ROLES)) return { href: `/lead/enrolments/${enrolmentId}`, label: traineeName }
  if (hasRole(user, 'supervisor')) return { href: `/supervisor/trainees/${enrolmentId}`, label: traineeName }
  if (hasRole(user, 'accreditor')) return { href: `/accreditor/enrolments/${enrolmentId}`, label: traineeName }
  return { href: '/trainee', label: 'Your training' }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ...OVERSIGHT_ROLES)
  const enrolmentId = idParam(params.enrolmentId)
  const values = await readFormValues(request)
  const form = { request, db: await getDb(), user, enrolmentId, values }
  switch (intentOf(values, [RAISE_CONCERN, CLOSE_CONCERN])) {
    case RAISE_CONCERN:
      return recordConcern(form)
    case CLOSE_CONCERN:
      return closeOne(form)
  }
}

type ConcernForm = PostedForm & { enrolmentId: number }

async function recordConcern({ request, db, user, enrolmentId, values }: ConcernForm) {
  const parsed = parseValues(values, ConcernSchema)
  if (!parsed.ok) return invalid(parsed.failure, RAISE_CONCERN)
  found(await db.transaction().execute((trx) => raiseConcern(trx, user, { enrolmentId, ...parsed.data })))
  return redirectWithFlash(request, `/enrolments/${enrolmentId}/flags`, 'Concern recorded. It stays in the history after the flag clears.')
}

async function closeOne({ request, db, user, enrolmentId, values }: ConcernForm) {
  const parsed = parseValues(values, CloseConcernSchema)
  if (!parsed.ok) throw badRequest()
  const closed = await db.transaction().execute((trx) => closeConcern(trx, user, { enrolmentId, concernId: parsed.data.concernId, at: nowInstant() }))
  if (!closed) throw notFound()
  return redirectWithFlash(request, `/enrolments/${enrolmentId}/flags`, 'Concern closed.')
}

export default function FlagsAndConcerns() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <>
      <Link to={data.backTo.href} className="nhsuk-back-link">
        {data.backTo.label}
      </Link>
      <h1>Flags and concerns: {data.traineeName}</h1>
      {data.forecast ? (
        <p className="nhsuk-lede-text">
          <ForecastLine stageName={data.stageName} forecast={data.forecast} fundingEndsOn={data.fundingEndsOn} />
        </p>
      ) : null}
      <h2>Flags now</h2>
      <FlagList flags={data.flags}>
        {(flag) =>
          data.canManage ? (
            <details className="nhsuk-details nhsuk-u-margin-bottom-0">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Record a concern and a plan</span>
              </summary>
              <div className="nhsuk-details__text">
                <ZodForm
                  schema={ConcernSchema}
                  intent={RAISE_CONCERN}
                  record={{ flagCode: flag.code }}
                  defaultValues={{ note: '', actionPlan: '', reviewOn: '' }}
                  failure={failure}
                  submitLabel="Save concern"
                >
                  <TextArea name="note" label="What do you know about this?" rows={3} />
                  <TextArea name="actionPlan" label="Action plan (optional)" hint="Who will do what, by when." rows={3} />
                  <TextField name="reviewOn" label="Review on (optional)" type="date" width={10} />
                </ZodForm>
              </div>
            </details>
          ) : null
        }
      </FlagList>
      <h2>Concern history</h2>
      {data.concerns.length === 0 ? (
        <p>No concerns recorded yet.</p>
      ) : (
        <TableScroll label="Concern history">
          <table className="nhsuk-table">
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Raised
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Concern and plan
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Review
                </th>
                <th scope="col" className="nhsuk-table__header">
                  State
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {data.concerns.map((c) => (
                <tr className="nhsuk-table__row" key={c.id}>
                  <td className="nhsuk-table__cell">
                    {formatInstant(c.created_at)}
                    <br />
                    {c.raised_by_name}
                  </td>
                  <td className="nhsuk-table__cell">
                    {c.note}
                    {c.action_plan ? (
                      <>
                        <br />
                        <strong>Plan:</strong> {c.action_plan}
                      </>
                    ) : null}
                  </td>
                  <td className="nhsuk-table__cell app-nowrap">{formatDate(c.review_on) || '–'}</td>
                  <td className="nhsuk-table__cell">
                    {CONCERN_STATE_LABEL[c.state]}
                    {data.canManage && (c.state === 'open' || c.state === 'review_due') ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value={CLOSE_CONCERN} />
                        <input type="hidden" name="concernId" value={c.id} />
                        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                          Close<span className="nhsuk-u-visually-hidden"> concern raised {formatInstant(c.created_at)}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  )
}
