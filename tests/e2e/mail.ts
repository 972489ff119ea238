// Reading what the app e-mailed, from the folder the SMTP sink writes (tests/e2e/smtp-sink.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import type { ReceivedMail } from '../smtp'

export const MAIL_FOLDER = process.env.SMTP_SINK_DIR ?? `data/e2e-${process.env.E2E_PORT ?? 3100}-mail`

export function receivedMails(): ReceivedMail[] {
  if (!existsSync(MAIL_FOLDER)) return []
  return readdirSync(MAIL_FOLDER)
    .sort()
    .map((name) => JSON.parse(readFileSync(join(MAIL_FOLDER, name), 'utf8')) as ReceivedMail)
}

/** Waits (the app delivers every 5 seconds) for the newest mail to `to` with a subject like `subject`. */
export async function waitForMail(to: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined
  await expect
    .poll(
      () => {
        found = receivedMails()
          .filter((m) => m.to === to && subject.test(m.subject))
          .at(-1)
        return found !== undefined
      },
      { timeout: 20_000, message: `an e-mail to ${to} about ${subject}` },
    )
    .toBe(true)
  return found!
}

/** The path of the first link in the mail's text under `path`, e.g. '/set-password/'. */
export function linkPath(mail: ReceivedMail, path: string): string {
  const match = mail.text.match(new RegExp(`https?://\\S*${path.replace(/[/.]/g, '\\$&')}\\S*`))
  if (!match) throw new Error(`No ${path} link in "${mail.subject}"`)
  return new URL(match[0]).pathname
}
