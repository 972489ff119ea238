// Work the app does on its own, in its own process, with croner:
// - every 5 seconds: deliver what is due in the outbox (when a relay is configured);
// - every hour from 07:00 to 20:00 UK time: the scheduled e-mail jobs (digests, reminders,
//   round-ups). Each runs once per period across all instances (digests.server.ts), so the
//   hourly runs after the first only catch up after downtime.
// `protect` stops a run starting while the previous one is still going. Tests create their own
// scheduler (or call the jobs directly); nothing starts one under NODE_ENV=test.
import { hostname } from 'node:os'
import { Cron } from 'croner'
import { runScheduledEmail } from '~/models/digests.server'
import type { Db } from '~/models/db-types'
import { deliverDueMessages, type DeliveryRound, type MailTransport } from '~/models/outbox.server'
import { getDb } from './db.server'
import { env } from './env.server'
import { appMailTransport, mailFrom } from './mailer.server'
import { newToken } from './tokens.server'

export interface SchedulerOptions {
  db: Db
  transport?: MailTransport
  from: string
  /** Who holds a run, as recorded in scheduler_runs: host, process and a random part. */
  holder?: string
  deliverEvery?: string
}

export interface Scheduler {
  holder: string
  start(): void
  stop(): void
  deliverNow(now?: Date): Promise<DeliveryRound | null>
  runScheduledNow(now?: Date): ReturnType<typeof runScheduledEmail>
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${newToken().slice(0, 8)}`
  const jobs: Cron[] = []
  const report = (job: string) => (error: unknown) => console.error(`[scheduler] ${job} failed:`, error)
  const scheduler: Scheduler = {
    holder,
    start() {
      if (jobs.length) return
      jobs.push(
        new Cron(options.deliverEvery ?? '*/5 * * * * *', { name: `deliver-${holder}`, protect: true, catch: report('delivery') }, async () => {
          await scheduler.deliverNow()
        }),
      )
      jobs.push(
        new Cron('0 7-20 * * *', { name: `email-${holder}`, timezone: 'Europe/London', protect: true, catch: report('scheduled e-mail') }, async () => {
          await scheduler.runScheduledNow()
        }),
      )
    },
    stop() {
      for (const job of jobs.splice(0)) job.stop()
    },
    async deliverNow(now = new Date()) {
      return options.transport ? deliverDueMessages(options.db, options.transport, { from: options.from, now }) : null
    },
    runScheduledNow(now = new Date()) {
      return runScheduledEmail(options.db, holder, now)
    },
  }
  return scheduler
}

// One per process, surviving module reloads in development.
const running = globalThis as typeof globalThis & { __attuneScheduler?: Scheduler }

/** Starts the app's scheduler once per process (never under NODE_ENV=test). */
export function startAppScheduler(): void {
  if (env.NODE_ENV === 'test') return
  running.__attuneScheduler?.stop()
  void getDb().then((db) => {
    running.__attuneScheduler = createScheduler({ db, transport: appMailTransport(), from: mailFrom() })
    running.__attuneScheduler.start()
  })
}
