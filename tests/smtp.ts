// A real SMTP server on loopback (the smtp-server package) that keeps what it receives, parsed
// with mailparser. Integration tests start one per test; the browser tests run one as a process
// (tests/e2e/smtp-sink.ts).
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string
  from: string
  subject: string
  text: string
  html: string
  messageId: string
  listUnsubscribe: string | null
}

export interface SmtpSink {
  port: number
  url: string
  mails: ReceivedMail[]
  /** Refuse the next `n` messages with a 451 (a temporary failure), as a busy relay would. */
  refuseNext(n: number): void
  close(): Promise<void>
}

/** Starts a sink on 127.0.0.1 (`port` 0: any free port). */
export async function startSmtpSink(options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = []
  let refusing = 0
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refusing > 0) {
          refusing--
          const error = Object.assign(new Error('Try again later: the relay is busy'), { responseCode: 451 })
          return callback(error)
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const mail: ReceivedMail = {
              to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
              from: parsed.from?.text ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              listUnsubscribe: parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? null,
            }
            mails.push(mail)
            options.onMail?.(mail)
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext(n) {
      refusing = n
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The first link in a mail's text under `path` (e.g. '/set-password/'). */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = mail.text.match(new RegExp(`https?://\\S*${path.replace(/[/.]/g, '\\$&')}\\S*`))
  if (!match) throw new Error(`No ${path} link in the mail "${mail.subject}"`)
  return match[0]
}
