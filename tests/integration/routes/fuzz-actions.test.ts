// A fuzz test over every route action (issue 17): hostile values (wrong types, sizes, control
// characters, far dates, huge numbers, odd shapes of body) sent as each role would, with a fixed
// seed and a bounded count. No answer may be a server error (>= 500), and an answer that is not a
// redirect (a refusal, a form error) must have written nothing; 201 answers a record made and shown once.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { run, signInCookie } from '../../http'

type Action = (args: never) => Promise<unknown>

const ROUTES_DIR = join(process.cwd(), 'app/routes')
const REQUESTS_PER_ROUTE_AND_ROLE = 12

/** mulberry32: a small deterministic generator, so a failure can be replayed exactly. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HOSTILE = [
  '',
  ' ',
  'a'.repeat(201),
  'b'.repeat(2_001),
  'c'.repeat(10_001),
  '\u0000',
  'x\u0000y',
  '\u001b[31mred',
  'line\nbreak',
  '\u202eevil',
  '😀'.repeat(50),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '9'.repeat(400),
  '-1',
  '0',
  '1.5',
  '1e308',
  'NaN',
  'Infinity',
  '12345678901234567890',
  '9999-12-31',
  '9990-01-01',
  '0001-01-01',
  '2026-02-30',
  '31/12/9999',
  '__proto__',
  'constructor',
  '%00',
  '../../etc/passwd',
  'on',
  'true',
]

const FIELDS =
  'intent accreditedOn accreditorId actionPlan active asOf behindPacePercent body budget budgetPounds capacityHours client_id client_ids clip_count code comment concernId confirmPassword consent_given_on consent_scopes consent_withdrawn_on csv cycleGapWeeks description email endsOn erasureWarningDays feedback filmed_on flagCode format fromOn fundingEndsOn heldOn held_on helping_question jobTitle kind meetingHeldOn meetingNotes minutes name note notes outcome overrideReason overrunRedMonths password principleId priorLearningReason reason reasons recordingRetentionDays recordings_erased_on redirectTo registrationFee relationship reviewOn reviewed_on role ruleSetId severity stage stageNumber startedOn startingStage supervisionGapWeeks supervisorId supervisor_id traineeId userId waitingDays work_ended_on decision fee1 fee2 capacity1'.split(
    ' ',
  )

/** The route's own words ('update', 'sign-off' ...): likely intents and choices, to get past the first switch. */
function wordsOf(file: string): string[] {
  const source = readFileSync(join(ROUTES_DIR, file), 'utf8')
  return [...new Set([...source.matchAll(/'([a-z][a-z_-]{2,30})'/g)].map((m) => m[1]))]
}

function roleFor(file: string): ('trainee' | 'supervisor' | 'accreditor' | 'lead' | 'admin' | null)[] {
  const prefix = file.split('.')[0]
  if (['trainee', 'supervisor', 'accreditor', 'lead', 'admin'].includes(prefix)) return [prefix as 'lead', prefix === 'trainee' ? 'lead' : 'trainee']
  if (prefix === 'enrolments') return ['lead', 'supervisor']
  if (prefix === 'certificates') return ['admin', 'trainee']
  return [null]
}

async function world() {
  const db = await getDb()
  await seedDemoData(db, today())
  const trainee = await db.selectFrom('users').select('id').where('email', '=', 'trainee@demo.attune.test').executeTakeFirstOrThrow()
  const enrolment = await db.selectFrom('enrolments').select(['id', 'programme_id']).where('trainee_id', '=', trainee.id).executeTakeFirstOrThrow()
  const first = async (table: 'clients' | 'cycles' | 'reflections' | 'supervision_sessions', column: 'trainee_id' | 'enrolment_id', value: number) =>
    String((await db.selectFrom(table).select('id').where(column, '=', value).executeTakeFirst())?.id ?? 1)
  const certificate = await db.selectFrom('certificates').select('number').executeTakeFirst()
  const ruleSet = await db.selectFrom('rule_sets').select('id').executeTakeFirstOrThrow()
  const params: Record<string, string> = {
    enrolmentId: String(enrolment.id),
    programmeId: String(enrolment.programme_id),
    clientId: await first('clients', 'trainee_id', trainee.id),
    cycleId: await first('cycles', 'enrolment_id', enrolment.id),
    reflectionId: await first('reflections', 'enrolment_id', enrolment.id),
    sessionId: await first('supervision_sessions', 'enrolment_id', enrolment.id),
    ruleSetId: String(ruleSet.id),
    number: certificate?.number ?? 'AVIG-0000-0000',
    token: 'not-a-token',
  }
  const cookies: Record<string, string> = {}
  for (const role of ['trainee', 'supervisor', 'accreditor', 'lead', 'admin']) cookies[role] = await signInCookie(`${role}@demo.attune.test`, DEMO_PASSWORD)
  return { db, params, cookies }
}

/** Row counts of every table, in one query. */
async function counts(db: Awaited<ReturnType<typeof getDb>>): Promise<Record<string, number>> {
  // Kysely's introspection lists the tables on SQLite and PostgreSQL alike.
  const skipped = ['sessions', 'throttles', 'kysely_migration', 'kysely_migration_lock']
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !skipped.includes(name))
  const row = await sql<Record<string, number>>`select ${sql.join(tables.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`))}`.execute(db)
  return row.rows[0]
}

function hostileRequest(path: string, next: () => number, words: string[], cookie: string | undefined): Request {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  const headers: Record<string, string> = { Origin: 'http://localhost' }
  if (cookie) headers.Cookie = cookie
  const shape = next()
  const init: RequestInit = { method: 'POST', headers }
  if (shape < 0.06) {
    headers['Content-Type'] = pick(['text/plain', 'application/json', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded; charset=utf-8'])
    init.body = pick(['{"intent":', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', '%zz=%%', ''])
  } else {
    const fields = new URLSearchParams()
    fields.append('intent', pick(words))
    const count = 1 + Math.floor(next() * 8)
    for (let i = 0; i < count; i++) {
      const name = next() < 0.8 ? pick(FIELDS) : pick(words)
      const value = next() < 0.6 ? pick(HOSTILE) : pick(words)
      fields.append(name, value)
      if (next() < 0.1) fields.append(name, pick(HOSTILE)) // the same name twice: an array
    }
    if (shape < 0.2) {
      const form = new FormData()
      for (const [k, v] of fields) form.append(k, v)
      init.body = form
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      init.body = fields
    }
  }
  return new Request('http://localhost' + path, init)
}

describe('fuzzing every action', () => {
  it('answers hostile forms with no server error and no partial write', async () => {
    const { db, params, cookies } = await world()
    const next = random(17)
    const files = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f))
    const failures: string[] = []
    let sent = 0
    for (const file of files) {
      const module = (await import(/* @vite-ignore */ join(ROUTES_DIR, file))) as { action?: Action }
      if (!module.action) continue
      const path =
        '/' +
        file
          .replace(/\.tsx?$/, '')
          .replace(/\$([A-Za-z]+)/g, (_, p: string) => params[p] ?? '1')
          .replace(/_?\./g, '/')
          .replace(/_/g, '')
      const words = wordsOf(file)
      for (const role of roleFor(file)) {
        for (let i = 0; i < REQUESTS_PER_ROUTE_AND_ROLE; i++) {
          const request = hostileRequest(path, next, words, role ? cookies[role] : undefined)
          const described = `${file} as ${role ?? 'anyone'}, request ${i}`
          const before = await counts(db)
          let status: number
          try {
            status = (await run(module.action as never, request, params)).status
          } catch (error) {
            status = 500
            failures.push(`${described}: ${(error as Error).message}`)
          }
          sent++
          if (status >= 500 && !failures.some((f) => f.startsWith(described))) failures.push(`${described}: status ${status}`)
          // 302 after a write, 201 for a record made and shown once (a feedback link); any other answer writes nothing.
          if (status !== 302 && status !== 201 && status < 500) {
            const after = await counts(db)
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${described}: answered ${status} but wrote ${JSON.stringify(after)}`)
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300)
    expect(failures).toEqual([])
  }, 120_000)
})
