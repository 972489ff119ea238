// Public: a one-time anonymous feedback link a practitioner or lead passed on (issue 16). It needs
// no account and works on a phone. A wrong, used or expired link gets one message, so the page says
// nothing about which links exist; the answer spends the link in the same transaction.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FeedbackFields } from '~/components/evaluation'
import { ZodForm } from '~/components/form'
import { findOpenFeedbackLink, giveFeedbackThroughLink } from '~/models/evaluation.server'
import { blankFeedback, FeedbackSchema } from '~/schemas/evaluation'
import { assertSameOrigin } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { invalid, parseForm, refusalAnswer } from '~/utils/forms.server'

export const meta: MetaFunction = () => [{ title: 'Your feedback on VIG – Attune' }, { name: 'referrer', content: 'no-referrer' }, { name: 'robots', content: 'noindex' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findOpenFeedbackLink(await getDb(), params.token ?? '')
  return json(link ? { valid: true as const, respondent: link.respondent, programme: link.programme_name } : { valid: false as const })
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const parsed = await parseForm(request, FeedbackSchema)
  if (!parsed.ok) return invalid(parsed.failure)
  const db = await getDb()
  try {
    await db.transaction().execute((trx) => giveFeedbackThroughLink(trx, params.token ?? '', parsed.data))
  } catch (error) {
    return refusalAnswer(error, parsed.values)
  }
  return json({ ok: true as const, thanked: true })
}

const LINK_NOT_VALID = 'This link does not work: it may have expired or been used already. Thank you for your time.'

export default function GiveFeedback() {
  const data = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  if (answer && 'thanked' in answer) {
    return (
      <div className="nhsuk-panel nhsuk-panel--confirmation" role="status">
        <h1 className="nhsuk-panel__title">Thank you</h1>
        <div className="nhsuk-panel__body">Your feedback has been saved. Nothing in it says who you are.</div>
      </div>
    )
  }
  const failure = answer && 'fieldErrors' in answer ? answer : null
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Your feedback on Video Interaction Guidance</h1>
        {data.valid ? (
          <>
            <p>{data.programme} would like to know how VIG was for you. It takes about two minutes. Your answers are anonymous: they are only ever shown together with others’.</p>
            <ZodForm schema={FeedbackSchema} defaultValues={blankFeedback} failure={failure} submitLabel="Send feedback" busyLabel="Sending…">
              <FeedbackFields respondent={data.respondent} />
            </ZodForm>
          </>
        ) : (
          <p>{LINK_NOT_VALID}</p>
        )}
      </div>
    </div>
  )
}
