import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { createOrganisation, createProgramme, createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie, uploadRequest } from '../../http'
import { describeProblem, IMPORT_COLUMN_NAMES } from '~/domain/programme-import'
import { remainingWork } from '~/domain/readiness'
import { loadReadiness } from '~/models/evidence.server'
import { loader as exportRecords } from '~/routes/lead.programmes.$programmeId_.export'
import { action as importAction, loader as importPage } from '~/routes/lead.programmes.$programmeId_.import'
import { loader as template } from '~/routes/lead.programmes.$programmeId_.import.template'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

type Row = Record<string, string>

function csv(rows: Row[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return [IMPORT_COLUMN_NAMES.join(','), ...rows.map((r) => IMPORT_COLUMN_NAMES.map((c) => quote(r[c] ?? '')).join(','))].join('\n') + '\n'
}

const SAM = 'sam.jones@example.org'
const ALEX = 'alex.reed@example.org'

/**
 * Rows 2–24 of a good file. Sam: Stage 2 since 4 Aug 2025, with Stage 1's 6 cycles (2 clients) and
 * 7 hours, then 2 Stage 2 cycles with a new client and 3 hours. Alex: Stage 1, UK-style dates.
 */
function goodRows(supervisor: string): Row[] {
  const sam = (r: Row) => ({ email: SAM, ...r })
  return [
    {
      record_type: 'trainee',
      email: SAM,
      name: 'Sam Jones',
      job_title: 'Health visitor',
      rule_set: 'aviguk-practitioner-2026',
      current_stage: '2',
      enrolled_on: '2025-01-06',
      registration_paid_on: '2025-02-01',
      supervisor_email: supervisor,
    },
    sam({ record_type: 'stage', stage: '0', started_on: '2025-01-13' }),
    sam({ record_type: 'stage', stage: '1', started_on: '2025-02-03' }),
    sam({ record_type: 'stage', stage: '2', started_on: '2025-08-04' }),
    ...[
      ['03-03', '03-08'],
      ['03-24', '03-29'],
      ['04-21', '04-26'],
      ['05-19', '05-24'],
      ['06-16', '06-21'],
      ['07-14', '07-19'],
    ].map(([filmed, reviewed], i) => sam({ record_type: 'cycle', client_code: i % 2 ? 'SJ-02' : 'SJ-01', filmed_on: `2025-${filmed}`, reviewed_on: `2025-${reviewed}`, clip_count: '3' })),
    ...['03-10', '04-07', '04-21', '05-12', '06-02', '06-30', '07-21'].map((d) => sam({ record_type: 'supervision', held_on: `2025-${d}`, minutes: '60' })),
    sam({ record_type: 'cycle', client_code: 'SJ-03', filmed_on: '2025-09-01', reviewed_on: '2025-09-08', stage: '2' }),
    sam({ record_type: 'cycle', client_code: 'SJ-03', filmed_on: '2025-10-06', reviewed_on: '' }),
    sam({ record_type: 'supervision', held_on: '2025-09-15', minutes: '90', format: 'group', stage: '2' }),
    sam({ record_type: 'supervision', held_on: '2025-10-13', minutes: '90', status: 'pending' }),
    { record_type: 'trainee', email: ALEX, name: 'Alex Reed', rule_set: 'aviguk-practitioner-2026', current_stage: '1', enrolled_on: '01/09/2025', supervisor_email: supervisor },
    { record_type: 'stage', email: ALEX, stage: '1', started_on: '15/09/2025' },
  ]
}

async function setUp() {
  const db = await getDb()
  const organisation = await createOrganisation(db)
  const lead = await createUser(db, 'lead', { organisationId: organisation.id })
  const supervisor = await createUser(db, 'supervisor', { organisationId: organisation.id })
  const programme = await createProgramme(db, { leadId: lead.id, organisationId: organisation.id })
  const cookie = await signInCookie(lead.email)
  const params = { programmeId: String(programme.id) }
  const path = `/lead/programmes/${programme.id}/import`
  const preview = async (text: string, who = cookie) => {
    const response = await run(importAction, uploadRequest(path, { intent: 'preview', file: new File([text], 'cohort.csv', { type: 'text/csv' }) }, who), params)
    return response.json()
  }
  const commit = (text: string) => run(importAction, formRequest(path, { intent: 'commit', csv: text }, cookie), params)
  const count = async () => ({
    users: (await db.selectFrom('users').select('id').execute()).length,
    enrolments: (await db.selectFrom('enrolments').select('id').execute()).length,
    stages: (await db.selectFrom('enrolment_stages').select('id').execute()).length,
    cycles: (await db.selectFrom('cycles').select('id').execute()).length,
    sessions: (await db.selectFrom('supervision_sessions').select('id').execute()).length,
  })
  return { db, lead, supervisor, programme, cookie, params, preview, commit, count, good: goodRows(supervisor.email) }
}

describe('importing a spreadsheet', () => {
  it('previews a good file without writing, then imports it all, each cycle and session in the stage of its date', async () => {
    const { db, programme, preview, commit, count, good, lead } = await setUp()
    const before = await count()
    const checked = await preview(csv(good))
    expect(checked.preview.problems).toEqual([])
    expect(checked.preview.plan.trainees.map((t: { name: string }) => t.name)).toEqual(['Sam Jones', 'Alex Reed'])
    expect(checked.preview.plan.cycles).toHaveLength(8)
    expect(checked.preview.plan.sessions).toHaveLength(9)
    expect(await count()).toEqual(before)

    const done = await commit(checked.csv)
    expect(done.status).toBe(302)
    expect(await count()).toEqual({ users: before.users + 2, enrolments: 2, stages: 5, cycles: 8, sessions: 9 })

    const sam = await db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.trainee_id')
      .select(['enrolments.id', 'enrolments.rule_set_id', 'enrolments.current_stage', 'enrolments.registration_paid_on', 'users.password_hash', 'users.id as user_id'])
      .where('users.email', '=', SAM)
      .where('enrolments.programme_id', '=', programme.id)
      .executeTakeFirstOrThrow()
    expect(sam).toMatchObject({ current_stage: 2, registration_paid_on: '2025-02-01', password_hash: null })
    expect(await db.selectFrom('user_roles').select('role').where('user_id', '=', sam.user_id).execute()).toEqual([{ role: 'trainee' }])
    const stages = await db
      .selectFrom('enrolment_stages')
      .select(['stage_number', 'status', 'started_on', 'completed_on', 'locked'])
      .where('enrolment_id', '=', sam.id)
      .orderBy('stage_number')
      .execute()
    expect(stages).toEqual([
      { stage_number: 0, status: 'signed_off', started_on: '2025-01-13', completed_on: '2025-02-03', locked: 1 },
      { stage_number: 1, status: 'accredited', started_on: '2025-02-03', completed_on: '2025-08-04', locked: 1 },
      { stage_number: 2, status: 'in_progress', started_on: '2025-08-04', completed_on: null, locked: 0 },
    ])
    const readiness = (await loadReadiness(db, [sam])).get(sam.id)!
    expect(readiness.readiness.requirements.filter((r) => r.unit !== 'done').map((r) => [r.key, r.done, r.pending])).toEqual([
      ['cycles', 1, 0],
      ['new_clients', 1, 0],
      ['supervision', 90, 90],
    ])
    expect(remainingWork(readiness.ruleSet, 2, readiness.evidence)).toEqual({ cycles: 8 + 12, newClients: 2 + 3, supervisionMinutes: 390 + 480 })
    const confirmed = await db.selectFrom('supervision_sessions').select(['decided_by']).where('enrolment_id', '=', sam.id).where('status', '=', 'confirmed').execute()
    expect(new Set(confirmed.map((s) => s.decided_by))).toEqual(new Set([lead.id]))
    const audit = await db.selectFrom('audit_log').select('action').where('enrolment_id', '=', sam.id).execute()
    expect(audit.map((a) => a.action).sort()).toEqual(['enrolment.imported', 'records.imported'])
  })

  const bad: { case: string; change: (rows: Row[]) => Row[]; problem: string }[] = [
    {
      case: 'a review before filming',
      change: (rows) => edit(rows, 4, { reviewed_on: '2025-03-01' }),
      problem: 'Row 6, column reviewed_on: the shared review cannot be before the date filmed',
    },
    {
      case: 'a date that does not exist',
      change: (rows) => edit(rows, 4, { filmed_on: '2025-02-30' }),
      problem: 'Row 6, column filmed_on: “2025-02-30” is not a date Attune can read: write a real date, day first, like 24/11/2026, 24/11/26, 2026-11-24 or 24-Nov-26',
    },
    { case: 'a date in the future', change: (rows) => edit(rows, 10, { held_on: '2099-01-01' }), problem: 'Row 12, column held_on: 1 Jan 2099 is in the future' },
    {
      case: 'too long a session',
      change: (rows) => edit(rows, 10, { minutes: '300' }),
      problem: 'Row 12, column minutes: “300” is 300 minutes. A session lasts from 15 to 240 minutes (usually 60, 90 or 120)',
    },
    {
      case: 'a client named, not coded',
      change: (rows) => edit(rows, 4, { client_code: 'Jane Smith' }),
      // The client form's own rule (evidence-rules.ts), word for word.
      problem: 'Row 6, column client_code: “Jane” looks like a name or a word that could identify the family. Use initials and a number instead, like FAM-07 or AK-01',
    },
    {
      case: 'an unknown rule set',
      change: (rows) => edit(rows, 0, { rule_set: 'aviguk-2030' }),
      problem: 'Row 2, column rule_set: “aviguk-2030” is not a rule set in Attune (use one of aviguk-practitioner-2026, verp-2026, aviguk-practitioner-2024, aviguk-practitioner-2015)',
    },
    {
      case: 'an unknown kind of row',
      change: (rows) => edit(rows, 4, { record_type: 'visit' }),
      problem: 'Row 6, column record_type: “visit” is not one of trainee, stage, cycle, supervision',
    },
    {
      case: 'a cycle for someone not in the file',
      change: (rows) => edit(rows, 4, { email: 'nobody@example.org' }),
      problem: 'Row 6, column email: nobody@example.org has no trainee row in this file and is not on this programme',
    },
    {
      case: 'a supervisor Attune does not know',
      change: (rows) => edit(rows, 10, { supervisor_email: 'who@example.org' }),
      problem: 'Row 12, column supervisor_email: who@example.org is not a supervisor in your organisation on Attune',
    },
    { case: 'the same cycle twice', change: (rows) => [...rows, rows[4]], problem: 'Row 25, column filmed_on: repeats row 6 (the same trainee, client code and filming date)' },
    {
      case: 'a cycle before the trainee’s first stage',
      change: (rows) => edit(rows, 4, { filmed_on: '2024-12-01', reviewed_on: '2024-12-05' }),
      problem: 'Row 6, column reviewed_on: the shared review on 5 Dec 2024 is before the trainee’s first stage started on 13 Jan 2025',
    },
    { case: 'a stage that does not match the date', change: (rows) => edit(rows, 4, { stage: '2' }), problem: 'Row 6, column stage: on 8 Mar 2025 the trainee was in Stage 1, not stage 2' },
    { case: 'no start for the current stage', change: (rows) => rows.filter((_, i) => i !== 3), problem: 'Row 2, column current_stage: add a stage row with the date Stage 2 started' },
    {
      case: 'stages starting out of order',
      change: (rows) => edit(rows, 3, { started_on: '2025-01-20' }),
      problem: 'Row 5, column started_on: Stage 2 starts before the stage before it (3 Feb 2025)',
    },
  ]

  it.each(bad)('names $case by row and column, and imports nothing', async ({ change, problem }) => {
    const { preview, commit, count, good } = await setUp()
    const before = await count()
    const text = csv(change(good))
    const checked = await preview(text)
    expect(checked.preview.problems.map(describeProblem)).toEqual([problem])
    // Sent anyway, the import checks again and still writes nothing: all or nothing.
    const refused = await commit(text)
    expect(refused.status).toBe(200)
    expect((await refused.json()).preview.problems.map(describeProblem)).toEqual([problem])
    expect(await count()).toEqual(before)
  })

  it('refuses a trainee who also supervises as her own supervisor (ADR 0018), and writes nothing', async () => {
    const { db, preview, programme, count } = await setUp()
    const tess = await createUser(db, ['trainee', 'supervisor'], { organisationId: programme.organisation_id })
    const before = await count()
    const own = await preview(csv([{ ...goodRows(tess.email)[0], email: tess.email, name: tess.name }]))
    expect(own.preview.problems.map(describeProblem)).toEqual([`Row 2, column supervisor_email: ${tess.email} cannot supervise their own training: name another supervisor`])
    expect(await count()).toEqual(before)
  })

  it('refuses a trainee row for someone who is not a trainee, and a file without the columns it needs', async () => {
    const { preview, supervisor, good } = await setUp()
    const asSupervisor = await preview(csv([{ ...good[0], email: supervisor.email }]))
    expect(asSupervisor.preview.problems.map(describeProblem)).toEqual([`Row 2, column email: ${supervisor.email} belongs to a supervisor in Attune, not a trainee`])
    const noColumns = await preview('name,date\nSam,2025-01-01\n')
    expect(noColumns.preview.problems.map(describeProblem)).toEqual([
      'Row 1: the header row has no record_type column (see the template)',
      'Row 1: the header row has no email column (see the template)',
    ])
    const noFile = await preview('')
    expect(noFile.fieldErrors).toEqual({ file: 'Choose the CSV file to check' })
    const tooLarge = await preview(csv(good) + 'x'.repeat(2 * 1024 * 1024))
    expect(tooLarge.fieldErrors).toEqual({ file: 'The file must be 2 MB or smaller, with at most 5,000 rows: split it into several files' })
  })

  it('adds nothing when the same file is imported again, and only what is new from a longer one', async () => {
    const { preview, commit, count, good } = await setUp()
    await commit(csv(good))
    const once = await count()

    const again = await preview(csv(good))
    expect(again.preview.problems).toEqual([])
    expect(again.preview.plan.trainees).toEqual([])
    expect(again.preview.plan.cycles).toEqual([])
    expect(again.preview.plan.sessions).toEqual([])
    expect(again.preview.plan.skipped).toHaveLength(good.length)
    expect(again.preview.plan.skipped[0]).toEqual({ row: 2, what: `Trainee ${SAM}`, reason: 'already on this programme: left as it is' })
    expect((await commit(csv(good))).status).toBe(302)
    expect(await count()).toEqual(once)

    const more = [...good, { record_type: 'cycle', email: ALEX, client_code: 'AR-01', filmed_on: '2025-10-01', reviewed_on: '2025-10-08' }]
    const longer = await preview(csv(more))
    expect(longer.preview.plan.cycles).toMatchObject([{ row: 25, email: ALEX, clientCode: 'AR-01', stageNumber: 1 }])
    await commit(csv(more))
    expect(await count()).toEqual({ ...once, cycles: once.cycles + 1 })
  })

  it('offers a template whose columns are the import’s, and is for the programme’s lead only', async () => {
    const { db, params, cookie } = await setUp()
    const file = await (await run(template, getRequest('/x', cookie), params)).text()
    expect(file.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(IMPORT_COLUMN_NAMES.join(','))
    const otherLead = await signInCookie((await createUser(db, 'lead')).email)
    const trainee = await signInCookie((await createUser(db, 'trainee')).email)
    expect((await run(importPage, getRequest('/x', otherLead), params)).status).toBe(404)
    expect((await run(template, getRequest('/x', otherLead), params)).status).toBe(404)
    expect((await run(importAction, formRequest('/x', { intent: 'commit', csv: 'x' }, otherLead), params)).status).toBe(404)
    expect((await run(importPage, getRequest('/x', trainee), params)).status).toBe(403)
  })
})

describe('importing people from another organisation', () => {
  it('refuses to enrol someone from another organisation or name their supervisor, without saying who they are, and writes nothing', async () => {
    const { db, preview, count, good } = await setUp()
    const elsewhere = await createOrganisation(db)
    const outsider = await createUser(db, 'trainee', { organisationId: elsewhere.id, email: 'outsider@other.example' })
    const otherSupervisor = await createUser(db, 'supervisor', { organisationId: elsewhere.id })
    const before = await count()
    const rows = good.map((r) => (r.email === SAM ? { ...r, email: outsider.email } : r))
    rows[0] = { ...rows[0], supervisor_email: otherSupervisor.email }
    const checked = await preview(csv(rows))
    const problems = checked.preview.problems.map(describeProblem)
    expect(problems).toContain('Row 2, column email: outsider@other.example cannot be enrolled on this programme: use the person’s email in your organisation, or ask an admin')
    expect(problems).toContain(`Row 2, column supervisor_email: ${otherSupervisor.email} is not a supervisor in your organisation on Attune`)
    expect(problems.join(' ')).not.toMatch(/belongs to a/)
    expect(await count()).toEqual(before)
    expect(await db.selectFrom('enrolments').select('id').where('trainee_id', '=', outsider.id).execute()).toEqual([])
  })
})

describe('exporting a programme', () => {
  async function demo() {
    const db = await getDb()
    await seedDemoData(db, today())
    const demoProgramme = await db.selectFrom('programmes').select(['id', 'organisation_id']).executeTakeFirstOrThrow()
    const lead = await db.selectFrom('users').select('id').where('email', '=', 'lead@demo.attune.test').executeTakeFirstOrThrow()
    const cookie = await signInCookie('lead@demo.attune.test', DEMO_PASSWORD)
    const download = (query = '') => run(exportRecords, getRequest(`/lead/programmes/${demoProgramme.id}/export${query}`, cookie), { programmeId: String(demoProgramme.id) })
    return { db, demoProgramme, lead, cookie, download }
  }

  it('zips every table as UTF-8 CSV with a header row, ISO dates and clients only by code', async () => {
    const { db, download } = await demo()
    const response = await download()
    expect(response.headers.get('Content-Type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual(['cycles.csv', 'enrolments.csv', 'import.csv', 'sign_offs.csv', 'stages.csv', 'supervision_sessions.csv', 'trainees.csv'])
    const text = (name: string) => strFromU8(files[name])
    // UTF-8 with a byte-order mark, so Excel reads it as UTF-8 (the decoder drops the mark).
    expect([...files['cycles.csv'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text('cycles.csv').startsWith('email,client_code,filmed_on,reviewed_on,stage,clip_count\r\n')).toBe(true)
    expect(text('cycles.csv').split('\r\n')).toHaveLength(1 + (await db.selectFrom('cycles').select('id').execute()).length)
    expect(text('trainees.csv')).toContain('ben.harper@demo.attune.test,Ben Harper,Family support worker')
    expect(text('sign_offs.csv')).toMatch(/chloe\.evans@demo\.attune\.test,3,\d{4}-\d{2}-\d{2},supervisor2@demo\.attune\.test,no,,accredited,\d{4}-\d{2}-\d{2},accreditor@demo\.attune\.test/)
    const everything = Object.keys(files).map(text).join('\n')
    expect(everything).not.toMatch(/baby|parent|Looked at clips|helping/i)
    expect(everything).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|T\d{2}:\d{2}/)
    const one = await download('?table=supervision_sessions')
    expect(one.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(await one.text()).toBe(text('supervision_sessions.csv'))
    expect((await download('?table=passwords')).status).toBe(404)
  })

  it('round-trips: exported, then imported into an empty programme, every trainee has the same readiness', async () => {
    const { db, demoProgramme, lead, cookie, download } = await demo()
    const empty = await createProgramme(db, { leadId: lead.id, organisationId: demoProgramme.organisation_id })
    const file = await (await download('?table=import')).text()
    const params = { programmeId: String(empty.id) }
    const checked = await (await run(importAction, uploadRequest('/x', { intent: 'preview', file: new File([file], 'import.csv') }, cookie), params)).json()
    expect(checked.preview.problems.map(describeProblem)).toEqual([])
    expect((await run(importAction, formRequest('/x', { intent: 'commit', csv: checked.csv }, cookie), params)).status).toBe(302)

    const enrolmentsOf = (programmeId: number) =>
      db
        .selectFrom('enrolments')
        .innerJoin('users', 'users.id', 'enrolments.trainee_id')
        .select(['enrolments.id', 'enrolments.rule_set_id', 'enrolments.current_stage', 'users.email'])
        .where('programme_id', '=', programmeId)
        .orderBy('users.email')
        .execute()
    const work = async (programmeId: number) => {
      const enrolments = await enrolmentsOf(programmeId)
      const readiness = await loadReadiness(db, enrolments)
      return enrolments.map((e) => {
        const r = readiness.get(e.id)!
        return {
          email: e.email,
          stage: e.current_stage,
          remaining: remainingWork(r.ruleSet, e.current_stage, r.evidence),
          requirements: r.readiness.requirements.filter((q) => q.unit !== 'done').map((q) => [q.key, q.done, q.pending, q.required]),
        }
      })
    }
    const original = await work(demoProgramme.id)
    expect(original).toHaveLength(7)
    expect(await work(empty.id)).toEqual(original)
  })
})

function edit(rows: Row[], index: number, change: Row): Row[] {
  return rows.map((r, i) => (i === index ? { ...r, ...change } : r))
}
