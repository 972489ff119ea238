// The SMTP side of e-mail: nodemailer, configured by SMTP_URL alone. Without SMTP_URL there is
// no transport, and messages wait in the outbox (admin's Outbox page).
import { createTransport } from 'nodemailer'
import type { MailTransport } from '~/models/outbox.server'
import { env } from './env.server'

/** A transport for an smtp:// or smtps:// URL (credentials, port and TLS all come from the URL). */
export function createMailTransport(url: string): MailTransport {
  return createTransport(url)
}

/** The app's transport, or undefined when no relay is configured. */
export function appMailTransport(): MailTransport | undefined {
  return env.SMTP_URL ? createMailTransport(env.SMTP_URL) : undefined
}

/** The From address: MAIL_FROM, or no-reply at the public host. */
export function mailFrom(): string {
  return env.MAIL_FROM ?? `Attune <no-reply@${new URL(env.PUBLIC_BASE_URL).hostname}>`
}
