// Outcome measures as data (issue 16): an admin or a programme lead names the measures programmes
// use to evaluate VIG: what each measures, its score range, which direction is better and whether
// it has a follow-up. Only names and ranges: never a questionnaire's items, which are often copyrighted.
import { notFound } from '~/utils/http.server'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Checkbox, RadioGroup, TextField, ZodForm } from '~/components/form'
import { TableScroll } from '~/components/table-scroll'
import { createMeasure, listMeasures, setMeasureActive } from '~/models/evaluation.server'
import { blankMeasure, DIRECTIONS, MeasureSchema } from '~/schemas/evaluation'
import { id } from '~/schemas/fields'
import { requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseValues, readFormValues, refusalAnswer } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Outcome measures – Attune' }]

const INTENT = { add: 'add', retire: 'retire', restore: 'restore' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin', 'lead')
  return json({ measures: await listMeasures(await getDb(), { activeOnly: false }) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'admin', 'lead')
  const db = await getDb()
  const values = await readFormValues(request)
  switch (values.intent) {
    case INTENT.add: {
      const parsed = parseValues(values, MeasureSchema)
      if (!parsed.ok) return invalid(parsed.failure, INTENT.add)
      try {
        await db.transaction().execute((trx) => createMeasure(trx, user.id, parsed.data))
      } catch (error) {
        return refusalAnswer(error, parsed.values, INTENT.add)
      }
      return redirectWithFlash(request, '/measures', `${parsed.data.name} added.`)
    }
    case INTENT.retire:
    case INTENT.restore: {
      const measureId = id().safeParse(values.measureId)
      if (!measureId.success) throw notFound()
      const changed = await db.transaction().execute((trx) => setMeasureActive(trx, user.id, measureId.data, values.intent === INTENT.restore))
      if (!changed) throw notFound()
      return redirectWithFlash(
        request,
        '/measures',
        values.intent === INTENT.restore ? 'The measure is in use again.' : 'The measure is no longer offered for new scores. Its scores stay in reports.',
      )
    }
    default:
      throw new Response('Unknown form', { status: 400 })
  }
}

export default function Measures() {
  const { measures } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  return (
    <>
      <h1>Outcome measures</h1>
      <p>
        The measures practitioners score families on, before and after VIG, to evaluate the programme. Record each measure’s name and score range only: never copy a questionnaire’s questions
        here.
      </p>
      {measures.length === 0 ? (
        <p>No measures yet.</p>
      ) : (
        <TableScroll label="Outcome measures">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Outcome measures</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">What it measures</th>
                <th scope="col">Scores</th>
                <th scope="col">Better</th>
                <th scope="col">Time points</th>
                <th scope="col">
                  <span className="nhsuk-u-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {measures.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {m.active ? null : (
                      <>
                        {' '}
                        <strong className="nhsuk-tag nhsuk-tag--grey">Not in use</strong>
                      </>
                    )}
                  </th>
                  <td>{m.construct}</td>
                  <td>
                    {m.min_score} to {m.max_score}
                  </td>
                  <td>{m.higher_is_better ? 'Higher' : 'Lower'}</td>
                  <td>{m.has_follow_up ? 'Before, after and follow-up' : 'Before and after'}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="measureId" value={m.id} />
                      <button
                        type="submit"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                        name="intent"
                        value={m.active ? INTENT.retire : INTENT.restore}
                      >
                        {m.active ? 'Stop using' : 'Use again'}
                        <span className="nhsuk-u-visually-hidden"> {m.name}</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>Add a measure</h2>
      <ZodForm schema={MeasureSchema} defaultValues={blankMeasure} failure={failure} intent={INTENT.add} submitLabel="Add measure">
        <TextField name="name" label="Name" hint="The questionnaire’s or scale’s name, for example Parenting Sense of Competence" />
        <TextField name="construct" label="What it measures" hint="For example parental self-efficacy, parenting stress, bonding or sensitivity" />
        <TextField name="min_score" label="Lowest possible score" inputMode="decimal" width={5} />
        <TextField name="max_score" label="Highest possible score" inputMode="decimal" width={5} />
        <RadioGroup name="direction" label="Which scores are better?" options={DIRECTIONS.map((d) => ({ ...d }))} />
        <Checkbox name="has_follow_up" label="Has a follow-up score some months after VIG" />
      </ZodForm>
    </>
  )
}
