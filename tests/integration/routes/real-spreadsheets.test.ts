// Spreadsheets as people really save them (issue 10, part 2): Excel's encodings, the client form's
// own evidence rules, a corrected file imported again, and dates and durations as Excel rewrites
// them. Each case of ../shared/cases goes through the import page as the demo lead.
import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { formRequest, getRequest, run, signInCookie, uploadRequest } from '../../http'
import { describeProblem, IMPORT_COLUMN_NAMES } from '~/domain/programme-import'
import { pdfText } from '../../pdf-text'
import { action as importAction } from '~/routes/lead.programmes.$programmeId_.import'
import { loader as reportPdf } from '~/routes/lead.programmes.$programmeId_.report.pdf'
import { loader as template } from '~/routes/lead.programmes.$programmeId_.import.template'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'

const CASES = new URL('../shared/cases/', new URL('../../../', import.meta.url))
const caseFile = (name: string) => readFileSync(new URL(name, CASES))
const HEADER = IMPORT_COLUMN_NAMES.join(',')

async function demoLead() {
  const db = await getDb()
  await seedDemoData(db, today())
  const lead = await db.selectFrom('users').select('id').where('email', '=', 'lead@demo.attune.test').executeTakeFirstOrThrow()
  const { programme_id } = await db.selectFrom('programme_leads').select('programme_id').where('user_id', '=', lead.id).executeTakeFirstOrThrow()
  const cookie = await signInCookie('lead@demo.attune.test', DEMO_PASSWORD)
  const path = `/lead/programmes/${programme_id}/import`
  const params = { programmeId: String(programme_id) }
  const preview = async (bytes: Uint8Array | string, name = 'cohort.csv') =>
    (await run(importAction, uploadRequest(path, { intent: 'preview', file: new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name) }, cookie), params)).json()
  const commit = (csv: string, choices: Record<string, string> = {}) => run(importAction, formRequest(path, { intent: 'commit', csv, ...choices }, cookie), params)
  /** Checks a file and imports what was checked, as the page does. */
  const importFile = async (bytes: Uint8Array | string, choices: Record<string, string> = {}) => {
    const checked = await preview(bytes)
    expect(checked.preview.problems.map(describeProblem)).toEqual([])
    const response = await commit(checked.csv, choices)
    expect(response.status).toBe(302)
    return checked
  }
  const person = (email: string) => db.selectFrom('users').select(['id', 'name', 'job_title']).where('email', '=', email).executeTakeFirstOrThrow()
  const work = async (email: string) => {
    const { id } = await person(email)
    const enrolment = await db.selectFrom('enrolments').select('id').where('trainee_id', '=', id).executeTakeFirstOrThrow()
    const cycles = await db
      .selectFrom('cycles')
      .innerJoin('clients', 'clients.id', 'cycles.client_id')
      .select(['clients.code', 'filmed_on', 'reviewed_on', 'clip_count'])
      .where('enrolment_id', '=', enrolment.id)
      .orderBy('filmed_on')
      .execute()
    const sessions = await db.selectFrom('supervision_sessions').select(['held_on', 'minutes']).where('enrolment_id', '=', enrolment.id).orderBy('held_on').execute()
    const clients = await db.selectFrom('clients').select('code').where('trainee_id', '=', id).execute()
    return { cycles, sessions, clients: clients.map((c) => c.code), minutes: sessions.reduce((sum, s) => sum + s.minutes, 0) }
  }
  return { db, preview, commit, importFile, person, work, params, cookie }
}

const trainee = (email: string, name: string, extra = '') =>
  `trainee,${email},${name},Health visitor,aviguk-practitioner-2024,1,01/09/2025,,supervisor@demo.attune.test,,,,,,,,,,${extra}\nstage,${email},,,,,,,,1,06/10/2025,,,,,,,,\n`
const cycle = (email: string, code: string, filmed: string, reviewed: string, clips: string) => `cycle,${email},,,,,,,,,,${code},${filmed},${reviewed},${clips},,,,\n`
const supervision = (email: string, held: string, minutes: string) => `supervision,${email},,,,,,,,,,,,,,${held},${minutes},one_to_one,confirmed\n`

describe('files as Excel saves them', () => {
  it('reads case 01, a Windows-1252 “CSV (Comma delimited)” file, with every name exact and no replacement character stored', async () => {
    const { importFile, person, db } = await demoLead()
    const checked = await importFile(caseFile('01-excel-ansi-cp1252.csv'))
    expect(checked.preview.plan.trainees.map((t: { name: string }) => t.name)).toEqual(['Siân Ellis', 'Zoë O’Neill'])
    expect(await person('sian.ellis@example.org')).toMatchObject({ name: 'Siân Ellis' })
    expect(await person('zoe.oneill@example.org')).toMatchObject({ name: 'Zoë O’Neill', job_title: 'Family support worker – Early Help' })
    const names = await db.selectFrom('users').select(['name', 'job_title']).execute()
    expect(names.filter((u) => `${u.name}${u.job_title}`.includes('\uFFFD'))).toEqual([])
  })

  it.each([
    ['UTF-8 with a byte-order mark (“CSV UTF-8”)', (text: string) => iconv.encode(`\uFEFF${text}`, 'utf8')],
    ['UTF-8 without a byte-order mark', (text: string) => iconv.encode(text, 'utf8')],
    ['UTF-16 LE with tabs (“Unicode text”)', (text: string) => iconv.encode(`\uFEFF${text.replace(/,/g, '\t')}`, 'utf16le')],
    ['UTF-16 BE with tabs', (text: string) => iconv.encode(`\uFEFF${text.replace(/,/g, '\t')}`, 'utf16be')],
  ])('reads %s, names in any alphabet exact', async (_, encode) => {
    const { importFile, person } = await demoLead()
    const text = `${HEADER}\n${trainee('lucja@example.org', 'Łucja Wąsowicz-Kowalczyk')}${trainee('olga@example.org', 'Ольга Іваненко')}${trainee('anh@example.org', 'Nguyễn Thị Ánh')}`
    await importFile(new Uint8Array(encode(text)))
    expect((await person('lucja@example.org')).name).toBe('Łucja Wąsowicz-Kowalczyk')
    expect((await person('olga@example.org')).name).toBe('Ольга Іваненко')
    expect((await person('anh@example.org')).name).toBe('Nguyễn Thị Ánh')
  })

  it.each([
    ['Cyrillic saved as Windows-1251', iconv.encode(`${HEADER}\n${trainee('olga@example.org', 'Ольга Иванова')}`, 'win1251')],
    ['Polish saved as Windows-1250', iconv.encode(`${HEADER}\n${trainee('lucja@example.org', 'Łucja Wąsowicz')}`, 'win1250')],
    ['letters Excel replaced by “?”', iconv.encode(`${HEADER}\n${trainee('lucja@example.org', '?ucja Wa?owicz')}`, 'win1252').subarray(0)],
  ])('refuses %s, saying how to save the file as CSV UTF-8, and stores nothing', async (_, bytes) => {
    const { preview, db } = await demoLead()
    const before = (await db.selectFrom('users').select('id').execute()).length
    // The "?" file is plain ASCII; mark it as Windows-1252 by a Western letter elsewhere.
    const file = _.startsWith('letters') ? new Uint8Array([...bytes, ...iconv.encode('#Siân\n', 'win1252')]) : new Uint8Array(bytes)
    const answer = await preview(file)
    expect(answer.ok).toBe(false)
    expect(answer.fieldErrors.file).toMatch(/CSV UTF-8 \(Comma delimited\)/)
    expect((await db.selectFrom('users').select('id').execute()).length).toBe(before)
  })
})

describe('case 04: names from many languages, imported, in the report PDF', () => {
  it('prints every imported name exactly as in the file', async () => {
    const { importFile, params, cookie } = await demoLead()
    const checked = await importFile(caseFile('04-non-latin-names.csv'))
    const names = ['Łucja Wąsowicz-Kowalczyk', 'Gülşen Yıldırım', 'Ștefan Răducanu', 'Siân Dafydd']
    expect(checked.preview.plan.trainees.map((t: { name: string }) => t.name)).toEqual(names)
    const response = await run(reportPdf, getRequest('/x', cookie), params)
    expect(response.status).toBe(200)
    const text = pdfText(new Uint8Array(await response.arrayBuffer()))
    for (const name of names) expect(text).toContain(name)
  })
})

describe('the client form’s evidence rules, in the import', () => {
  it('treats sj-01 and SJ-01 as one client, stored in capitals', async () => {
    const { importFile, work } = await demoLead()
    const e = 'sam@example.org'
    await importFile(`${HEADER}\n${trainee(e, 'Sam Jones')}${cycle(e, 'sj-01', '03/11/2025', '10/11/2025', '3')}${cycle(e, 'SJ-01', '01/12/2025', '08/12/2025', '2')}`)
    expect((await work(e)).clients).toEqual(['SJ-01'])
    // A later file in lower case finds the same client.
    await importFile(`${HEADER}\n${cycle(e, 'sj-01', '05/01/2026', '12/01/2026', '1')}`)
    expect((await work(e)).clients).toEqual(['SJ-01'])
    expect((await work(e)).cycles).toHaveLength(3)
  })

  it('refuses a phone number, an NHS number or a name as a client code, and more than 10 clips, as the forms do', async () => {
    const { preview } = await demoLead()
    const e = 'sam@example.org'
    const file = `${HEADER}\n${trainee(e, 'Sam Jones')}${cycle(e, '07700 900123', '03/11/2025', '', '3')}${cycle(e, '943 476 5919', '03/11/2025', '', '3')}${cycle(e, 'Smith-01', '03/11/2025', '', '3')}${cycle(e, 'SJ-01', '03/11/2025', '', '11')}`
    const { preview: checked } = await preview(file)
    expect(checked.problems.map(describeProblem)).toEqual([
      'Row 4, column client_code: This looks like a phone number. Never use a phone number in a client code: use initials and a short number, like AK-01',
      'Row 5, column client_code: This looks like an NHS number. Never use an NHS number in a client code: use initials and a short number, like AK-01',
      'Row 6, column client_code: “Smith” looks like a name or a word that could identify the family. Use initials and a number instead, like FAM-07 or AK-01',
      'Row 7, column clip_count: “11” is not a whole number from 0 to 10',
    ])
  })
})

describe('a corrected file imported again (cases 12a then 12b)', () => {
  const nia = 'nia.hughes@example.org'

  it('shows the rows that nearly match, and by default corrects the records: 1 cycle and 1 h 30 min, not 2 and 2 h 30 min', async () => {
    const { importFile, preview, commit, work } = await demoLead()
    await importFile(caseFile('12a-first-import.csv'))
    expect(await work(nia)).toMatchObject({ cycles: [{ code: 'NH-01', filmed_on: '2025-11-03' }], minutes: 60 })

    const second = await preview(caseFile('12b-corrected-reimport.csv'))
    expect(second.preview.problems).toEqual([])
    expect(second.preview.plan.nearMatches).toEqual([
      {
        row: 4,
        kind: 'cycle',
        existingId: expect.any(Number),
        existing: 'NH-01 filmed 3 Nov 2025, reviewed 10 Nov 2025, 3 clips',
        proposed: 'NH-01 filmed 4 Nov 2025, reviewed 10 Nov 2025, 3 clips',
        choice: 'update',
      },
      { row: 5, kind: 'session', existingId: expect.any(Number), existing: 'Supervision on 17 Nov 2025, 60 minutes', proposed: 'Supervision on 17 Nov 2025, 90 minutes', choice: 'update' },
    ])
    expect(second.preview.plan.cycles).toEqual([])
    expect(second.preview.plan.sessions).toEqual([])
    expect((await commit(second.csv)).status).toBe(302)
    const after = await work(nia)
    expect(after.cycles).toEqual([{ code: 'NH-01', filmed_on: '2025-11-04', reviewed_on: '2025-11-10', clip_count: 3 }])
    expect(after.minutes).toBe(90)
    // And once more: nothing nearly matches any longer, nothing is added.
    const third = await preview(caseFile('12b-corrected-reimport.csv'))
    expect(third.preview.plan.nearMatches).toEqual([])
    expect(third.preview.plan.skipped).toHaveLength(4)
  })

  it('adds or skips a nearly matching row when the lead chooses so', async () => {
    const { importFile, preview, commit, work } = await demoLead()
    await importFile(caseFile('12a-first-import.csv'))
    const second = await preview(caseFile('12b-corrected-reimport.csv'))
    expect((await commit(second.csv, { choice_4: 'add', choice_5: 'skip' })).status).toBe(302)
    const after = await work(nia)
    expect(after.cycles.map((c) => c.filmed_on)).toEqual(['2025-11-03', '2025-11-04'])
    expect(after.sessions).toEqual([{ held_on: '2025-11-17', minutes: 60 }])
  })
})

describe('dates and durations as Excel rewrites them', () => {
  it('accepts UK dates and lengths of time in the shapes Excel produces, with the right values', async () => {
    const { importFile, work } = await demoLead()
    const e = 'sam@example.org'
    const file = `${HEADER}\n${trainee(e, 'Sam Jones')}${cycle(e, 'SJ-01', '3/11/25', '10-Nov-25', '3')}${cycle(e, 'SJ-02', '2025-12-01', '08/12/2025', '2')}${supervision(e, '17/11/25', '1:30')}${supervision(e, '24-Nov-2025', '01:00:00')}${supervision(e, '01/12/2025', '120')}`
    await importFile(file)
    const done = await work(e)
    expect(done.cycles).toEqual([
      { code: 'SJ-01', filmed_on: '2025-11-03', reviewed_on: '2025-11-10', clip_count: 3 },
      { code: 'SJ-02', filmed_on: '2025-12-01', reviewed_on: '2025-12-08', clip_count: 2 },
    ])
    expect(done.sessions).toEqual([
      { held_on: '2025-11-17', minutes: 90 },
      { held_on: '2025-11-24', minutes: 60 },
      { held_on: '2025-12-01', minutes: 120 },
    ])
  })

  it('names every problem of the file in one round, each cell with the shapes it accepts', async () => {
    const { preview } = await demoLead()
    const e = 'sam@example.org'
    const file =
      `${HEADER}\n` +
      `trainee,${e},Sam Jones,Health visitor,aviguk-2030,1,31/09/2025,,supervisor@demo.attune.test,,,,,,,,,,\n` +
      `stage,${e},,,,,,,,1,6th Oct,,,,,,,,\n` +
      cycle(e, 'SJ-01', '11/03/2025 09:00', '', '3') +
      supervision(e, '17/11/2025', '1.5 hours') +
      supervision('nobody@example.org', 'yesterday', '60')
    const { preview: checked } = await preview(file)
    expect(checked.problems.map(describeProblem)).toEqual([
      'Row 2, column rule_set: “aviguk-2030” is not a rule set in Attune (use one of aviguk-practitioner-2026, verp-2026, aviguk-practitioner-2024, aviguk-practitioner-2015)',
      'Row 2, column enrolled_on: “31/09/2025” is not a date Attune can read: write a real date, day first, like 24/11/2026, 24/11/26, 2026-11-24 or 24-Nov-26',
      'Row 3, column started_on: “6th Oct” is not a date Attune can read: write a real date, day first, like 24/11/2026, 24/11/26, 2026-11-24 or 24-Nov-26',
      'Row 4, column filmed_on: “11/03/2025 09:00” is not a date Attune can read: write a real date, day first, like 24/11/2026, 24/11/26, 2026-11-24 or 24-Nov-26',
      'Row 5, column minutes: “1.5 hours” is not a length of time Attune can read: write minutes (90) or hours and minutes (1:30 or 01:30:00)',
      'Row 6, column email: nobody@example.org has no trainee row in this file and is not on this programme',
      'Row 6, column held_on: “yesterday” is not a date Attune can read: write a real date, day first, like 24/11/2026, 24/11/26, 2026-11-24 or 24-Nov-26',
    ])
  })

  it('offers a template in one date style that lists the rule-set keys, and whose notes are not imported', async () => {
    const { db } = await demoLead()
    const lead = await db.selectFrom('users').select('id').where('email', '=', 'lead@demo.attune.test').executeTakeFirstOrThrow()
    const { programme_id } = await db.selectFrom('programme_leads').select('programme_id').where('user_id', '=', lead.id).executeTakeFirstOrThrow()
    const cookie = await signInCookie('lead@demo.attune.test', DEMO_PASSWORD)
    const file = await (await run(template, getRequest('/x', cookie), { programmeId: String(programme_id) })).text()
    const lines = file.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(HEADER)
    const dates = lines
      .slice(1)
      .filter((l) => !l.startsWith('#'))
      .flatMap((l) => l.match(/\b[\d/-]{8,10}\b/g) ?? [])
    expect(dates.length).toBeGreaterThan(5)
    expect(dates.filter((d) => !/^\d{2}\/\d{2}\/\d{4}$/.test(d))).toEqual([])
    expect(lines).toContain('# aviguk-practitioner-2026: AVIGuk practitioner pathway (current) version 3')
    expect(lines).toContain('# aviguk-practitioner-2024: AVIGuk practitioner pathway (2024 seed reflection every stage) version 2 (retired)')
    expect(lines.filter((l) => l.startsWith('# aviguk-'))).toHaveLength(3)
  })
})
