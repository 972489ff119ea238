import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import { openDatabase } from '~db/connection'
import type { DB } from '~db/schema'
import { seedDemoData } from '~db/seed'
import { runScheduledEmail } from '~/models/digests.server'
import { addDays, today as todayOf, weekStart } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { createScheduler } from '~/utils/scheduler.server'

const NOW = new Date()
const TODAY = todayOf(NOW)

beforeEach(async () => {
  await seedDemoData(await getDb(), TODAY)
})

async function outbox(kind: string) {
  const db = await getDb()
  return db.selectFrom('outbox').selectAll().where('kind', '=', kind).orderBy('to_address').execute()
}

/** The "waiting since" dates of a digest's items, in the order listed. */
function sinceDates(text: string): string[] {
  return [...text.matchAll(/waiting since (\d{1,2} \w{3} \d{4})/g)].map((m) => new Date(`${m[1]} UTC`).toISOString().slice(0, 10))
}

describe('digests for the demo programme', () => {
  it('sends each supervisor one digest of everything waiting for them, oldest first, each item linking to the trainee', async () => {
    expect((await runScheduledEmail(await getDb(), 'test', NOW)).supervisorDaily).toBe('ran')
    const mails = await outbox('supervisor_digest')
    expect(mails.map((m) => [m.to_address, m.subject])).toEqual([
      ['supervisor2@demo.attune.test', '1 thing waits for you in Attune'],
      ['supervisor@demo.attune.test', '7 things wait for you in Attune (6 overdue)'],
    ])
    const sarah = mails[1]
    expect(sarah.status).toBe('pending')
    const dates = sinceDates(sarah.text_body)
    expect(dates).toHaveLength(7)
    expect(dates).toEqual([...dates].sort())
    expect(sarah.text_body).toMatch(/- Farah Ali: Read the reflection submitted on .*\(overdue\)\n {2}http:\/\/localhost:3000\/supervisor\/trainees\/\d+/)
    expect(sarah.text_body).toMatch(/- Ella Morris: Record the transition meeting and sign off Stage 1: every requirement holds/)
    expect(sarah.text_body).toMatch(/- Amira Khan: Confirm or return the supervision session of .* \(1 hour\)/)
    // Nothing about clients beyond what the supervisor's own page shows, and no client codes at all here.
    expect(sarah.text_body).not.toMatch(/[A-Z]{2}-\d{3}/)
    expect(sarah.html_body).toContain('<a href="http://localhost:3000/supervisor/trainees/')
  })

  it('reminds the accreditor of a stage waiting past the rule set’s threshold, once a week', async () => {
    await runScheduledEmail(await getDb(), 'test', NOW)
    const [reminder] = await outbox('accreditation_reminder')
    expect(reminder.to_address).toBe('accreditor@demo.attune.test')
    expect(reminder.subject).toMatch(/^Reminder: Grace Lin's Stage 2 has waited \d+ days for accreditation$/)
    expect(reminder.text_body).toMatch(/the programme's rules allow 14\)/)
    expect(reminder.text_body).toMatch(/Accredit or return: http:\/\/localhost:3000\/accreditor\/enrolments\/\d+/)
    // The next day's run does not remind again in the same week.
    await runScheduledEmail(await getDb(), 'test', new Date(NOW.getTime() + 24 * 60 * 60 * 1000))
    const again = await outbox('accreditation_reminder')
    expect(again).toHaveLength(weekStart(addDays(TODAY, 1)) === weekStart(TODAY) ? 1 : 2)
  })

  it('sends the lead a weekly digest: headline numbers, new flags, concerns due; next week only what is new or worse', async () => {
    const db = await getDb()
    const ella = await db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.trainee_id')
      .select('enrolments.id')
      .where('users.name', '=', 'Ella Morris')
      .executeTakeFirstOrThrow()
    const lead = await db.selectFrom('users').select('id').where('email', '=', 'lead@demo.attune.test').executeTakeFirstOrThrow()
    await db
      .insertInto('concerns')
      .values({ enrolment_id: ella.id, flag_code: 'ready_waiting', note: 'Chase the sign-off', review_on: addDays(TODAY, 3), raised_by: lead.id })
      .execute()
    await runScheduledEmail(db, 'test', NOW)
    const [digest] = await outbox('lead_digest')
    expect(digest.to_address).toBe('lead@demo.attune.test')
    expect(digest.subject).toMatch(/^Your programmes this week: \d+ new or worse flags, 1 concern due$/)
    expect(digest.text_body).toMatch(/- Northfield VIG Early Years Programme: 6 trainees; \d+ red and \d+ amber; 0 stages accredited in the last week/)
    expect(digest.text_body).toMatch(/- New amber: Grace Lin\. Stage 2 was signed off on .* and has waited \d+ days for external accreditation/)
    expect(digest.text_body).toMatch(/- Concern due for review on .*: Ella Morris\n {2}http:\/\/localhost:3000\/lead\/enrolments\/\d+/)
    expect(digest.text_body).not.toContain('Chase the sign-off')

    // A week later with nothing changed: the same flags are not reported again.
    await runScheduledEmail(db, 'test', new Date(NOW.getTime() + 7 * 24 * 60 * 60 * 1000))
    const digests = await db.selectFrom('outbox').select(['subject', 'text_body']).where('kind', '=', 'lead_digest').orderBy('id').execute()
    expect(digests).toHaveLength(2)
    expect(digests[1].text_body).not.toMatch(/- New (amber|red): Grace Lin\. Stage 2 was signed off/)
  })

  it('honours each person’s choice: weekly people get the supervisor digest in the weekly run, people who turned e-mail off get none', async () => {
    const db = await getDb()
    await db.updateTable('users').set({ email_frequency: 'off' }).where('email', '=', 'supervisor2@demo.attune.test').execute()
    await db.updateTable('users').set({ email_frequency: 'weekly' }).where('email', '=', 'supervisor@demo.attune.test').execute()
    await runScheduledEmail(db, 'test', NOW)
    const mails = await outbox('supervisor_digest')
    expect(mails.map((m) => m.to_address)).toEqual(['supervisor@demo.attune.test'])
    expect(mails[0].dedupe_key).toBe(`supervisor-digest:${mails[0].recipient_id}:${weekStart(TODAY)}`)
  })
})

describe('the scheduler’s lease', () => {
  let second: Kysely<DB>
  beforeEach(() => {
    // A second instance on the same database as getDb(): PostgreSQL when the suite runs on it.
    second = openDatabase(process.env.DATABASE_URL ?? process.env.DATABASE_PATH!)
  })
  afterEach(async () => {
    await second.destroy()
  })

  it('lets only one of two instances on one database run each period’s jobs', async () => {
    const a = createScheduler({ db: await getDb(), from: 'a@localhost', holder: 'instance-a' })
    const b = createScheduler({ db: second, from: 'b@localhost', holder: 'instance-b' })
    const [ra, rb] = await Promise.all([a.runScheduledNow(NOW), b.runScheduledNow(NOW)])
    for (const job of Object.keys(ra) as (keyof typeof ra)[]) {
      expect([ra[job], rb[job]].sort(), job).toEqual(['already', 'ran'])
    }
    const db = await getDb()
    const runs = await db.selectFrom('scheduler_runs').select(['job', 'period', 'holder']).execute()
    expect(runs).toHaveLength(6)
    const perRecipient = await db
      .selectFrom('outbox')
      .select(['kind', 'to_address', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['kind', 'to_address'])
      .execute()
    expect(perRecipient.length).toBeGreaterThanOrEqual(4)
    expect(perRecipient.every((r) => Number(r.count) === 1)).toBe(true)
    // Running again in the same period does nothing, whichever instance.
    expect(Object.values(await b.runScheduledNow(NOW)).every((r) => r === 'already')).toBe(true)
    expect(await db.selectFrom('outbox').select('id').execute()).toHaveLength(perRecipient.length)
  })
})
