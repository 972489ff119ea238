// Admin: every e-mail Attune has written, whether it went, and why not. Without SMTP_URL nothing
// is sent and everything waits here. Bodies are not shown (they hold set-password links).
import { WarningCallout } from '~/components/warning-callout'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import type { OutboxStatus } from '~db/schema'
import { TableScroll } from '~/components/table-scroll'
import { Tag, type TagColour } from '~/components/status-tag'
import { listOutbox, sendAgain } from '~/models/outbox.server'
import { SendAgainSchema } from '~/schemas/email'
import { assertSameOrigin, requireRole } from '~/utils/auth.server'
import { formatInstant } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { parseForm } from '~/utils/forms.server'
import { found, notFound } from '~/utils/http.server'
import { redirectWithFlash } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Outbox – Attune' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  return json({ relay: env.SMTP_URL ? new URL(env.SMTP_URL).host : null, ...(await listOutbox(await getDb(), user)) })
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const user = await requireRole(request, 'admin')
  const parsed = await parseForm(request, SendAgainSchema)
  if (!parsed.ok) throw notFound()
  const db = await getDb()
  found(await db.transaction().execute((trx) => sendAgain(trx, user, parsed.data.messageId)))
  return redirectWithFlash(request, '/admin/outbox', 'The message is back in the queue and goes with the next delivery.')
}

const STATUS: Record<OutboxStatus, { label: string; colour: TagColour }> = {
  pending: { label: 'Waiting to go', colour: 'blue' },
  sending: { label: 'Going now', colour: 'blue' },
  sent: { label: 'Sent', colour: 'green' },
  failed: { label: 'Failed', colour: 'red' },
  uncertain: { label: 'May not have arrived', colour: 'orange' },
  held: { label: 'Held for a round-up', colour: 'grey' },
  bundled: { label: 'In a round-up', colour: 'grey' },
}

export default function Outbox() {
  const { relay, messages, counts } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Outbox</h1>
      {relay ? (
        <p>
          E-mail goes through the relay at <strong>{relay}</strong>. A refused message is tried again after 1, 5, 15, 60 and 240 minutes, then marked failed.
        </p>
      ) : (
        <WarningCallout title="No e-mail relay is set up">
          <p>Nothing is sent: messages wait here. Set SMTP_URL (see the README) and they go out, oldest first.</p>
        </WarningCallout>
      )}
      <p>
        {(Object.keys(STATUS) as OutboxStatus[])
          .filter((s) => counts[s])
          .map((s) => `${STATUS[s].label}: ${counts[s]}`)
          .join(' · ') || 'No messages yet.'}
      </p>
      {messages.length ? (
        <TableScroll label="Messages">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption">Latest messages, newest first</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col">Written</th>
                <th scope="col">Message</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatInstant(m.created_at)}</td>
                  <td className="app-wrap">
                    {m.subject}
                    <br />
                    <span className="nhsuk-body-s">To {m.to_address}</span>
                  </td>
                  <td>
                    <Tag colour={STATUS[m.status].colour}>{STATUS[m.status].label}</Tag>
                    {m.sent_at ? <span className="nhsuk-body-s"> {formatInstant(m.sent_at)}</span> : null}
                    {m.attempts > 1 || m.last_error ? <div className="nhsuk-body-s">{m.attempts} attempts</div> : null}
                    {m.last_error ? <div className="nhsuk-body-s app-wrap">{m.last_error}</div> : null}
                    {m.status === 'failed' || m.status === 'uncertain' ? (
                      <Form method="post">
                        <input type="hidden" name="messageId" value={m.id} />
                        <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0">
                          Send again<span className="nhsuk-u-visually-hidden"> to {m.to_address}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  )
}
