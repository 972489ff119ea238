// What a lead or admin is told after adding someone or sending a new set-password link.
import { json } from '@remix-run/node'
import { PASSWORD_LINK_DAYS, setPasswordPath } from '~/models/people.server'
import { env } from './env.server'

/**
 * The outcome for the lead or admin. With a mail relay the link is e-mailed and not shown; without
 * one it waits in the outbox and is shown here, once, to pass on (only its hash is stored).
 */
export function passwordLinkAnswer(person: { name: string; email: string; token: string }) {
  const emailed = env.SMTP_URL !== undefined
  return json({
    ok: true as const,
    link: { name: person.name, email: person.email, url: emailed ? null : new URL(setPasswordPath(person.token), env.PUBLIC_BASE_URL).href, days: PASSWORD_LINK_DAYS },
  })
}
