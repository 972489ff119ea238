// Acceptability feedback from the practitioner's side (issue 16): enter your own feedback, or a
// family's given on paper or in person, or make a one-time anonymous link for a family to answer
// on their phone. Feedback is kept against the programme only: no client, no name.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { FeedbackFields, FeedbackLinkCard } from '~/components/evaluation'
import { RadioGroup, ZodForm } from '~/components/form'
import { FormPage } from '~/components/page'
import { createFeedbackLink, FEEDBACK_LINK_DAYS, feedbackPath, recordFeedback } from '~/models/evaluation.server'
import { blankFeedback, EnteredFeedbackSchema } from '~/schemas/evaluation'
import { today } from '~/utils/dates'
import { env } from '~/utils/env.server'
import { invalid, parseValues, readFormValues } from '~/utils/forms.server'
import { redirectWithFlash } from '~/utils/session.server'
import { requireTraineeEnrolment } from '~/utils/trainee.server'

export const meta: MetaFunction = () => [{ title: 'Feedback on VIG – Attune' }]

const INTENT = { enter: 'enter', link: 'family-link' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireTraineeEnrolment(request)
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, db, enrolment } = await requireTraineeEnrolment(request)
  const values = await readFormValues(request)
  switch (values.intent) {
    case INTENT.enter: {
      const parsed = parseValues(values, EnteredFeedbackSchema)
      if (!parsed.ok) return invalid(parsed.failure, INTENT.enter)
      const { respondent, ...input } = parsed.data
      await db.transaction().execute((trx) => recordFeedback(trx, { programmeId: enrolment.programme_id, respondent, input, givenOn: today(), viaLink: false }))
      return redirectWithFlash(request, '/trainee/feedback', 'Feedback saved. Thank you.')
    }
    case INTENT.link: {
      const token = await db.transaction().execute((trx) => createFeedbackLink(trx, { createdBy: user.id, programmeId: enrolment.programme_id, respondent: 'family' }))
      // 201: a new link was made; it is shown once, here, since only its hash is kept.
      return json({ ok: true as const, link: { url: new URL(feedbackPath(token), env.PUBLIC_BASE_URL).href, days: FEEDBACK_LINK_DAYS, respondent: 'a family' } }, { status: 201 })
    }
    default:
      throw new Response('Unknown form', { status: 400 })
  }
}

export default function TraineeFeedback() {
  const answer = useActionData<typeof action>()
  const link = answer && 'link' in answer ? answer.link : null
  const failure = answer && 'fieldErrors' in answer ? answer : null
  return (
    <FormPage back={{ to: '/trainee/clients', label: 'My clients' }} title="Feedback on VIG">
      <p>How acceptable and practical VIG is, in families’ and your own words, goes into the programme’s evaluation. It is anonymous: never linked to a client.</p>
      <h2>Ask a family on their phone</h2>
      {link ? <FeedbackLinkCard link={link} /> : null}
      <p>The link needs no account and works once. Send it to the family yourself, for example by text message.</p>
      <Form method="post">
        <button type="submit" name="intent" value={INTENT.link} className="nhsuk-button nhsuk-button--secondary">
          Make a one-time link for a family
        </button>
      </Form>
      <h2>Enter feedback</h2>
      <ZodForm schema={EnteredFeedbackSchema} defaultValues={blankFeedback} failure={failure} intent={INTENT.enter} submitLabel="Save feedback">
        <RadioGroup
          name="respondent"
          label="Whose feedback is it?"
          options={[
            { value: 'family', label: 'A family’s, given to me on paper or in person' },
            { value: 'practitioner', label: 'My own, as the practitioner' },
          ]}
        />
        <FeedbackFields respondent={null} />
      </ZodForm>
    </FormPage>
  )
}
