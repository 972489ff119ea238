// Hostile requests (issue 17): each is refused with a 4xx that says what went wrong, writes
// nothing, and leaves the server answering everyone else promptly.
import { describe, expect, it } from 'vitest'
import { IMPORT_COLUMN_NAMES } from '~/domain/programme-import'
import { action as importAction } from '~/routes/lead.programmes.$programmeId_.import'
import { action as loginAction } from '~/routes/login'
import { loader as leadHome } from '~/routes/lead._index'
import { addDays } from '~/utils/dates'
import { action as setPasswordAction } from '~/routes/set-password.$token'
import { action as peopleAction } from '~/routes/lead.programmes.$programmeId.people'
import { getDb } from '~/utils/db.server'
import { MAX_IMPORT_ROWS } from '~/utils/limits'
import { createOrganisation, createProgramme, createUser, TEST_PASSWORD } from '../../factories'
import { formRequest, getRequest, run, signInCookie, uploadRequest } from '../../http'
import { longField, manyFields, streamedPost, whileOthersAreServed } from '../../hostile'

async function counts() {
  const db = await getDb()
  const rows = async (table: 'users' | 'sessions' | 'enrolments' | 'cycles' | 'audit_log') =>
    (await db.selectFrom(table).select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  return { users: await rows('users'), sessions: await rows('sessions'), enrolments: await rows('enrolments'), cycles: await rows('cycles'), audit: await rows('audit_log') }
}

async function messageOf(response: Response): Promise<string> {
  return (await response.json()).message
}

describe('field bombs', () => {
  it('refuses 50,000 field names sent to sign in without a length (chunked), before reading them all', async () => {
    const user = await createUser(await getDb(), 'trainee')
    const before = await counts()
    const body = [`email=${encodeURIComponent(user.email)}&password=x&`, ...manyFields(50_000)]
    const response = await whileOthersAreServed(() => run(loginAction, streamedPost('/login', body)))
    expect(response.status).toBe(413)
    expect(response.headers.get('Connection')).toBe('close')
    expect(await messageOf(response)).toMatch(/far more than Attune expects/)
    expect(await counts()).toEqual(before)
  })

  it('holds the limit when Content-Length lies, and refuses an honest one at once', async () => {
    const lying = await whileOthersAreServed(() => run(loginAction, streamedPost('/login', manyFields(50_000), { contentLength: 100 })))
    expect(lying.status).toBe(413)
    const honest = await run(loginAction, formRequest('/login', Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}`, 'x']))))
    expect(honest.status).toBe(413)
  })

  it('refuses too many fields within the byte limit', async () => {
    const response = await run(loginAction, streamedPost('/login', manyFields(500)))
    expect(response.status).toBe(413)
  })

  it('refuses a field bomb and a 50 MB field at set-password', async () => {
    const bomb = await whileOthersAreServed(() => run(setPasswordAction, streamedPost('/set-password/abc', manyFields(50_000)), { token: 'abc' }))
    expect(bomb.status).toBe(413)
    const long = await whileOthersAreServed(() => run(setPasswordAction, streamedPost('/set-password/abc', longField('password', 50 * 1024 * 1024)), { token: 'abc' }))
    expect(long.status).toBe(413)
  })

  it('refuses a 50 MB text field on a signed-in form, writing nothing', async () => {
    const db = await getDb()
    const organisation = await createOrganisation(db)
    const lead = await createUser(db, 'lead', { organisationId: organisation.id })
    const programme = await createProgramme(db, { leadId: lead.id, organisationId: organisation.id })
    const cookie = await signInCookie(lead.email)
    const before = await counts()
    const path = `/lead/programmes/${programme.id}/people`
    const body = ['intent=add&role=trainee&email=x%40example.org&', ...longField('name', 50 * 1024 * 1024)]
    const response = await whileOthersAreServed(() => run(peopleAction, streamedPost(path, body, { cookie }), { programmeId: String(programme.id) }))
    expect(response.status).toBe(413)
    expect(await counts()).toEqual(before)
  })

  it('still signs in a real form, with a field named __proto__ being only a field', async () => {
    const user = await createUser(await getDb(), 'trainee')
    const response = await run(loginAction, formRequest('/login', { email: user.email, password: TEST_PASSWORD, __proto__: 'x' } as Record<string, string>))
    expect(response.status).toBe(302)
  })
})

describe('imports', () => {
  async function importer() {
    const db = await getDb()
    const organisation = await createOrganisation(db)
    const lead = await createUser(db, 'lead', { organisationId: organisation.id })
    const supervisor = await createUser(db, 'supervisor', { organisationId: organisation.id })
    const programme = await createProgramme(db, { leadId: lead.id, organisationId: organisation.id })
    const cookie = await signInCookie(lead.email)
    const params = { programmeId: String(programme.id) }
    const path = `/lead/programmes/${programme.id}/import`
    return { cookie, params, path, supervisor }
  }
  const header = IMPORT_COLUMN_NAMES.join(',') + '\n'
  const cycleRows = (n: number) => Array.from({ length: n }, (_, i) => `cycle,unknown${i}@example.org${','.repeat(IMPORT_COLUMN_NAMES.length - 2)}`).join('\n')

  it('refuses a file of more rows than the cap as a whole, saying the cap, before checking any row', async () => {
    const { cookie, params, path } = await importer()
    const text = header + cycleRows(MAX_IMPORT_ROWS + 1)
    const response = await whileOthersAreServed(() => run(importAction, uploadRequest(path, { intent: 'preview', file: new File([text], 'big.csv') }, cookie), params))
    expect(response.status).toBe(200)
    const { preview } = await response.json()
    expect(preview.problems).toEqual([{ row: 1, column: null, message: 'the file has 5,001 rows; import at most 5,000 at a time: split it into several files' }])
  })

  it('checks a file of the most rows, each for an unknown trainee, while others are served', async () => {
    const { cookie, params, path } = await importer()
    const text = header + cycleRows(MAX_IMPORT_ROWS)
    const response = await whileOthersAreServed(() => run(importAction, uploadRequest(path, { intent: 'preview', file: new File([text], 'big.csv') }, cookie), params))
    const { preview } = await response.json()
    expect(preview.problems).toHaveLength(MAX_IMPORT_ROWS * 3) // each row: no trainee, no client code, no filming date
  })

  it('imports a file of the most rows while a signed-in page is still answered', async () => {
    const { cookie, params, path, supervisor } = await importer()
    const row = (r: Record<string, string>) => IMPORT_COLUMN_NAMES.map((c) => r[c] ?? '').join(',')
    const rows: string[] = []
    for (let t = 0; t < 100; t++) {
      const email = `t${t}@example.org`
      rows.push(
        row({ record_type: 'trainee', email, name: `Trainee ${t}`, rule_set: 'aviguk-practitioner-2024', current_stage: '1', enrolled_on: '2020-01-01', supervisor_email: supervisor.email }),
      )
      rows.push(row({ record_type: 'stage', email, stage: '1', started_on: '2020-01-06' }))
      for (let s = 0; s < 48; s++) rows.push(row({ record_type: 'supervision', email, held_on: addDays('2020-02-01', s * 7), minutes: '60' }))
    }
    expect(rows).toHaveLength(MAX_IMPORT_ROWS)
    const csv = header + rows.join('\n') + '\n'
    const leadPage = () => run(leadHome, getRequest('/lead', cookie))
    const response = await whileOthersAreServed(() => run(importAction, formRequest(path, { intent: 'commit', csv }, cookie), params), 2000, leadPage)
    expect(response.status).toBe(302)
    expect((await counts()).enrolments).toBe(100)
  }, 60_000)

  it('refuses a chunked commit larger than the limit on the bytes read, writing nothing', async () => {
    const { cookie, params, path } = await importer()
    const before = await counts()
    const body = ['intent=commit&', ...longField('csv', 50 * 1024 * 1024)]
    const response = await whileOthersAreServed(() => run(importAction, streamedPost(path, body, { cookie }), params))
    expect(response.status).toBe(200)
    expect((await response.json()).fieldErrors.file).toMatch(/2 MB or smaller, with at most 5,000 rows/)
    expect(await counts()).toEqual(before)
  })
})

describe('open redirect', () => {
  it.each(['/\t/evil.example', '/\n/evil.example', '//evil.example', '/\\evil.example', '/\u0000x', '/é'])('signs in and goes home, not to %j', async (redirectTo) => {
    const user = await createUser(await getDb(), 'trainee')
    const response = await run(loginAction, formRequest('/login', { email: user.email, password: TEST_PASSWORD, redirectTo }))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/trainee')
  })
})

describe('lock-out', () => {
  const attacker = '203.0.113.66'
  const owner = '198.51.100.7'
  const signIn = (email: string, password: string, client: string) => run(loginAction, formRequest('/login', { email, password }), {}, client)

  it('slows only the client that keeps failing: the real person signs in from elsewhere', async () => {
    const user = await createUser(await getDb(), 'trainee')
    for (let i = 0; i < 12; i++) await signIn(user.email, `guess ${i}`, attacker)
    const blocked = await signIn(user.email, TEST_PASSWORD, attacker)
    expect((await blocked.json()).formError).toMatch(/Too many attempts that did not work. Wait \d+ minutes?/)
    const real = await signIn(user.email, TEST_PASSWORD, owner)
    expect(real.status).toBe(302)
  }, 30_000)

  it('answers the same for known and unknown addresses, attempt by attempt', async () => {
    const user = await createUser(await getDb(), 'trainee')
    const answers = async (email: string, client: string) => {
      const seen: string[] = []
      for (let i = 0; i < 8; i++) seen.push((await (await signIn(email, `guess ${i}`, client)).json()).formError)
      return seen
    }
    const known = await answers(user.email, '203.0.113.1')
    const unknown = await answers('nobody@test.attune.test', '203.0.113.2')
    expect(unknown).toEqual(known)
    expect(known.at(-1)).toMatch(/Too many attempts/)
  }, 30_000)

  it('slows a client trying many accounts, without touching those accounts for anyone else', async () => {
    const user = await createUser(await getDb(), 'trainee')
    for (let i = 0; i < 25; i++) await signIn(`person${i}@test.attune.test`, 'guess', attacker)
    expect((await (await signIn(user.email, TEST_PASSWORD, attacker)).json()).formError).toMatch(/Too many attempts/)
    expect((await signIn(user.email, TEST_PASSWORD, owner)).status).toBe(302)
  }, 30_000)

  it('limits certificate checks per client, not for others', async () => {
    const { loader: verify } = await import('~/routes/verify.$number')
    const check = (client: string) => run(verify, new Request('http://localhost/verify/AVIG-0000-0000'), { number: 'AVIG-0000-0000' }, client)
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await check(attacker)).status)
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true)
    const limited = await check(attacker)
    expect(limited.status).toBe(429)
    expect(await messageOf(limited)).toMatch(/Wait a minute/)
    expect((await check(owner)).status).toBe(404)
  })
})

describe('malformed requests get a 4xx that says what went wrong', () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    run(loginAction, new Request('http://localhost/login', { method: 'POST', body, headers: { Origin: 'http://localhost', ...headers } }))

  it.each([
    ['JSON', 'application/json', '{"email":"a@b.c"}', 415, /not sent as a form/],
    ['plain text', 'text/plain', 'email=a@b.c', 415, /not sent as a form/],
    ['no content type', '', 'email=a@b.c', 415, /not sent as a form/],
    ['broken multipart', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b', 400, /incomplete or damaged/],
    ['multipart without a boundary', 'multipart/form-data', 'whatever', 400, /incomplete or damaged/],
  ])('%s', async (_, contentType, body, status, message) => {
    const before = await counts()
    const response = await post(body, contentType ? { 'Content-Type': contentType } : {})
    expect(response.status).toBe(status)
    expect(await messageOf(response)).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['not a web address', 'not a url'],
    ['another site', 'https://evil.example'],
    ['an opaque origin', 'null'],
  ])('refuses a post whose Origin is %s', async (_, origin) => {
    const user = await createUser(await getDb(), 'trainee')
    const response = await run(loginAction, formRequest('/login', { email: user.email, password: TEST_PASSWORD }, undefined, origin))
    expect(response.status).toBe(403)
    expect(await messageOf(response)).toMatch(/sent from another website/)
  })
})
