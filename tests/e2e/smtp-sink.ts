// The browser tests' mail relay: a real SMTP server on loopback that writes each message it
// receives as JSON into a folder, where the tests read it (tests/e2e/mail.ts). Started by
// Playwright's webServer list (playwright.config.ts), beside the app it receives mail from.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSmtpSink } from '../smtp'

const port = Number(process.env.SMTP_SINK_PORT)
const folder = process.env.SMTP_SINK_DIR!
rmSync(folder, { recursive: true, force: true })
mkdirSync(folder, { recursive: true })
let count = 0
const sink = await startSmtpSink({
  port,
  onMail: (mail) => writeFileSync(join(folder, `${String(++count).padStart(5, '0')}.json`), JSON.stringify(mail, null, 2)),
})
console.log(`SMTP sink listening on 127.0.0.1:${sink.port}, writing to ${folder}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void sink.close().then(() => process.exit(0)))
