// The organisation's People page and the admin's Organisations page (ADR 0018): who may add, edit,
// give roles, deactivate and send links, for every role; another organisation's lead gets 404 and
// nothing is written; an admin creates an organisation and its lead with no SQL.
import { describe, expect, it } from 'vitest'
import * as organisations from '~/routes/admin.organisations'
import * as people from '~/routes/organisations.$organisationId.people._index'
import * as person from '~/routes/organisations.$organisationId.people.$userId'
import { action as setPasswordAction } from '~/routes/set-password.$token'
import { getDb } from '~/utils/db.server'
import { createEnrolment, createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { twoProgrammes } from '../oversight/world'

async function world() {
  const db = await getDb()
  const w = await twoProgrammes(db)
  const admin = await createUser(db, 'admin', { organisationId: w.mine.organisation.id })
  const cookie = (user: { email: string }) => signInCookie(user.email)
  const rolesOf = async (userId: number) => (await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute()).map((r) => r.role)
  const counts = async () => ({
    users: (await db.selectFrom('users').select('id').execute()).length,
    roles: (await db.selectFrom('user_roles').select('user_id').execute()).length,
    audit: (await db.selectFrom('audit_log').select('id').execute()).length,
    organisations: (await db.selectFrom('organisations').select('id').execute()).length,
  })
  return { db, ...w, admin, cookie, rolesOf, counts }
}

const peoplePath = (organisationId: number) => `/organisations/${organisationId}/people`
const params = (organisationId: number, userId?: number) => ({ organisationId: String(organisationId), ...(userId ? { userId: String(userId) } : {}) })

describe('the organisation’s People page', () => {
  it('a lead sees their own organisation’s trainees, supervisors and accreditors with their roles; never its leads or admins', async () => {
    const { mine, admin, cookie } = await world()
    const response = await run(people.loader, getRequest(peoplePath(mine.organisation.id), await cookie(mine.lead)), params(mine.organisation.id))
    expect(response.status).toBe(200)
    const data = await response.json()
    expect(data.organisation.id).toBe(mine.organisation.id)
    const listed = Object.fromEntries(data.people.map((p: { id: number; roles: string[] }) => [p.id, p.roles]))
    expect(listed).toEqual({ [mine.supervisor.id]: ['supervisor'], [mine.accreditor.id]: ['accreditor'], [mine.trainee.id]: ['trainee'] })
    expect(listed[admin.id]).toBeUndefined()
    expect(data.roleChoices.map((c: { value: string }) => c.value)).toEqual(['trainee', 'supervisor', 'accreditor'])
  })

  it('is not open to trainees, supervisors or accreditors (403), and another organisation’s lead gets 404 and writes nothing', async () => {
    const { mine, other, cookie, counts } = await world()
    for (const who of [mine.trainee, mine.supervisor, mine.accreditor]) {
      expect((await run(people.loader, getRequest(peoplePath(mine.organisation.id), await cookie(who)), params(mine.organisation.id))).status).toBe(403)
      const add = formRequest(
        peoplePath(mine.organisation.id),
        { intent: 'add-person', name: 'Sneaky', email: 'sneaky@test.attune.test', roles: ['trainee'], jobTitle: '' },
        await cookie(who),
      )
      expect((await run(people.action, add, params(mine.organisation.id))).status).toBe(403)
    }
    const foreign = await cookie(other.lead)
    const before = await counts()
    expect((await run(people.loader, getRequest(peoplePath(mine.organisation.id), foreign), params(mine.organisation.id))).status).toBe(404)
    const add = formRequest(peoplePath(mine.organisation.id), { intent: 'add-person', name: 'Sneaky', email: 'sneaky@test.attune.test', roles: ['trainee'], jobTitle: '' }, foreign)
    expect((await run(people.action, add, params(mine.organisation.id))).status).toBe(404)
    const target = mine.trainee.id
    expect((await run(person.loader, getRequest(`${peoplePath(mine.organisation.id)}/${target}`, foreign), params(mine.organisation.id, target))).status).toBe(404)
    // Through their own organisation's address, someone of another organisation is not found either.
    for (const organisationId of [mine.organisation.id, other.organisation.id]) {
      const edit = formRequest(
        `${peoplePath(organisationId)}/${target}`,
        { intent: 'edit-person', userId: String(target), name: 'Renamed', jobTitle: '', roles: ['trainee', 'supervisor'] },
        foreign,
      )
      expect((await run(person.action, edit, params(organisationId, target))).status).toBe(404)
      const deactivate = formRequest(`${peoplePath(organisationId)}/${target}`, { intent: 'deactivate-person' }, foreign)
      expect((await run(person.action, deactivate, params(organisationId, target))).status).toBe(404)
      const link = formRequest(`${peoplePath(organisationId)}/${target}`, { intent: 'new-link' }, foreign)
      expect((await run(person.action, link, params(organisationId, target))).status).toBe(404)
    }
    expect(await counts()).toEqual(before)
    // A lead never reaches another lead or an admin of their own organisation either.
    const colleague = await createUser(await getDb(), ['lead', 'supervisor'], { organisationId: mine.organisation.id })
    expect((await run(person.loader, getRequest(`${peoplePath(mine.organisation.id)}/${colleague.id}`, await cookie(mine.lead)), params(mine.organisation.id, colleague.id))).status).toBe(
      404,
    )
  })

  it('a lead adds someone with two roles, audited; giving the lead or admin role is refused beside the field, nothing written', async () => {
    const { db, mine, cookie, rolesOf, counts } = await world()
    const lead = await cookie(mine.lead)
    const add = (roles: string[], email: string) =>
      run(
        people.action,
        formRequest(peoplePath(mine.organisation.id), { intent: 'add-person', name: 'Nadia Shah', email, roles, jobTitle: 'Family support worker' }, lead),
        params(mine.organisation.id),
      )
    const added = await (await add(['supervisor', 'accreditor'], 'Nadia.Shah@test.attune.test')).json()
    expect(added.link).toMatchObject({ name: 'Nadia Shah', email: 'Nadia.Shah@test.attune.test' })
    const nadia = await db.selectFrom('users').select(['id', 'organisation_id', 'job_title']).where('email', '=', 'nadia.shah@test.attune.test').executeTakeFirstOrThrow()
    expect(nadia).toMatchObject({ organisation_id: mine.organisation.id, job_title: 'Family support worker' })
    expect(await rolesOf(nadia.id)).toEqual(['accreditor', 'supervisor'])
    const audit = await db.selectFrom('audit_log').select(['actor_id', 'after_json']).where('action', '=', 'user.created').where('entity_id', '=', nadia.id).executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(mine.lead.id)
    expect(JSON.parse(audit.after_json!).roles).toEqual(['supervisor', 'accreditor'])

    const before = await counts()
    for (const roles of [['lead'], ['trainee', 'admin']]) {
      const refused = await (await add(roles, 'new.lead@test.attune.test')).json()
      expect(refused.fieldErrors.roles).toMatch(/Only an administrator can make someone (programme lead|administrator)/)
      expect(refused.values.email).toBe('new.lead@test.attune.test')
    }
    const none = await (await add([], 'no.role@test.attune.test')).json()
    expect(none.fieldErrors.roles).toBe('Choose at least one role')
    expect(await counts()).toEqual(before)
  })

  it('a lead changes a name, job title and roles, audited; a role still in use is kept, with the reason', async () => {
    const { db, mine, cookie, rolesOf } = await world()
    const lead = await cookie(mine.lead)
    const edit = (userId: number, fields: Record<string, string | string[]>) =>
      run(
        person.action,
        formRequest(`${peoplePath(mine.organisation.id)}/${userId}`, { intent: 'edit-person', userId: String(userId), jobTitle: '', ...fields }, lead),
        params(mine.organisation.id, userId),
      )
    const saved = await edit(mine.trainee.id, { name: 'Amira Khan-Patel', jobTitle: 'Health visitor', roles: ['trainee', 'supervisor'] })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toBe(peoplePath(mine.organisation.id))
    expect(await rolesOf(mine.trainee.id)).toEqual(['supervisor', 'trainee'])
    expect(await db.selectFrom('users').select(['name', 'job_title']).where('id', '=', mine.trainee.id).executeTakeFirstOrThrow()).toEqual({
      name: 'Amira Khan-Patel',
      job_title: 'Health visitor',
    })
    const audit = await db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'user.updated').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.before_json!).roles).toEqual(['trainee'])
    expect(JSON.parse(audit.after_json!).roles).toEqual(['supervisor', 'trainee'])

    // The supervisor still supervises an active trainee: the role stays until the trainee has another.
    const refused = await (await edit(mine.supervisor.id, { name: mine.supervisor.name, roles: ['accreditor'] })).json()
    expect(refused.fieldErrors.roles).toMatch(/Supervisor: They still supervise 1 trainee: give that trainee another supervisor first/)
    expect(await rolesOf(mine.supervisor.id)).toEqual(['supervisor'])
    const trainee = await (await edit(mine.trainee.id, { name: 'Amira', roles: ['supervisor'] })).json()
    expect(trainee.fieldErrors.roles).toMatch(/still in training/)
    expect(await rolesOf(mine.trainee.id)).toEqual(['supervisor', 'trainee'])
  })

  it('a deactivated person cannot sign in and is signed out; their records stay; they can be let back in', async () => {
    const { db, mine, cookie } = await world()
    const lead = await cookie(mine.lead)
    const supervisorSession = await cookie(mine.supervisor)
    const post = (intent: string) =>
      run(person.action, formRequest(`${peoplePath(mine.organisation.id)}/${mine.supervisor.id}`, { intent }, lead), params(mine.organisation.id, mine.supervisor.id))
    expect((await post('deactivate-person')).status).toBe(302)
    await expect(signInCookie(mine.supervisor.email)).rejects.toThrow(/Sign-in failed/)
    const { loader: supervisorHome } = await import('~/routes/supervisor._index')
    expect((await run(supervisorHome, getRequest('/supervisor', supervisorSession))).status).toBe(302)
    expect((await db.selectFrom('enrolments').select('supervisor_id').where('id', '=', mine.enrolment.id).executeTakeFirstOrThrow()).supervisor_id).toBe(mine.supervisor.id)
    const again = await (await post('deactivate-person')).json()
    expect(again.formError).toMatch(/already deactivated/)
    expect((await post('reactivate-person')).status).toBe(302)
    await signInCookie(mine.supervisor.email)
    expect(
      (await db.selectFrom('audit_log').select('action').where('entity_id', '=', mine.supervisor.id).where('entity_type', '=', 'user').orderBy('id').execute()).map((a) => a.action),
    ).toEqual(['user.deactivated', 'user.reactivated'])
  })

  it('an admin manages anyone of any organisation, gives the lead role, and cannot deactivate themselves', async () => {
    const { mine, other, admin, cookie, rolesOf } = await world()
    const session = await cookie(admin)
    const data = await (await run(people.loader, getRequest(peoplePath(other.organisation.id), session), params(other.organisation.id))).json()
    expect(data.people.map((p: { id: number }) => p.id)).toContain(other.lead.id)
    expect(data.roleChoices.map((c: { value: string }) => c.value)).toEqual(['trainee', 'supervisor', 'accreditor', 'lead', 'admin'])
    const edit = formRequest(
      `${peoplePath(other.organisation.id)}/${other.supervisor.id}`,
      { intent: 'edit-person', userId: String(other.supervisor.id), name: 'Lee', jobTitle: '', roles: ['supervisor', 'lead'] },
      session,
    )
    expect((await run(person.action, edit, params(other.organisation.id, other.supervisor.id))).status).toBe(302)
    expect(await rolesOf(other.supervisor.id)).toEqual(['lead', 'supervisor'])
    const self = await (
      await run(person.action, formRequest(`${peoplePath(mine.organisation.id)}/${admin.id}`, { intent: 'deactivate-person' }, session), params(mine.organisation.id, admin.id))
    ).json()
    expect(self.formError).toBe('You cannot deactivate your own account')
  })
})

describe('organisations, created by an admin', () => {
  const fields = { name: 'Riverside NHS Foundation Trust', leadName: 'Ruth Okoro', leadEmail: 'ruth.okoro@riverside.test', leadJobTitle: 'Perinatal lead' }

  it('an admin adds an organisation and its lead, who sets a password, signs in as lead and sees only their own organisation', async () => {
    const { db, mine, admin, cookie } = await world()
    const response = await run(organisations.action, formRequest('/admin/organisations', fields, await cookie(admin)))
    const body = await response.json()
    expect(body.link).toMatchObject({ name: 'Ruth Okoro', email: 'ruth.okoro@riverside.test', days: 7 })
    const riverside = await db.selectFrom('organisations').select('id').where('name', '=', fields.name).executeTakeFirstOrThrow()
    const ruth = await db.selectFrom('users').select(['id', 'organisation_id', 'job_title', 'password_hash']).where('email', '=', fields.leadEmail).executeTakeFirstOrThrow()
    expect(ruth).toMatchObject({ organisation_id: riverside.id, job_title: 'Perinatal lead', password_hash: null })
    expect((await db.selectFrom('user_roles').select('role').where('user_id', '=', ruth.id).execute()).map((r) => r.role)).toEqual(['lead'])
    expect(await db.selectFrom('outbox').select('kind').where('recipient_id', '=', ruth.id).execute()).toEqual([{ kind: 'invitation' }])
    expect((await db.selectFrom('audit_log').select('action').where('actor_id', '=', admin.id).orderBy('id').execute()).map((a) => a.action)).toEqual([
      'organisation.created',
      'user.created',
      'user.password_link_issued',
    ])

    const token = new URL(body.link.url).pathname.split('/').pop()!
    const set = await run(setPasswordAction, formRequest(`/set-password/${token}`, { password: 'a long enough secret', confirmPassword: 'a long enough secret' }), { token })
    expect(set.status).toBe(302)
    const ruthSession = await signInCookie(fields.leadEmail, 'a long enough secret')
    const own = await (await run(people.loader, getRequest(peoplePath(riverside.id), ruthSession), params(riverside.id))).json()
    expect(own.people).toEqual([])
    expect((await run(people.loader, getRequest(peoplePath(mine.organisation.id), ruthSession), params(mine.organisation.id))).status).toBe(404)
    const { loader: programmes } = await import('~/routes/lead._index')
    const listed = await (await run(programmes, getRequest('/lead', ruthSession))).json()
    expect(JSON.stringify(listed)).not.toContain(mine.programme.name)
  })

  it('refuses a name already used and an e-mail address with an account, beside the field; only admins may add organisations', async () => {
    const { mine, admin, cookie, counts } = await world()
    const session = await cookie(admin)
    expect((await run(organisations.action, formRequest('/admin/organisations', fields, session))).status).toBe(200)
    const before = await counts()
    const sameName = await (
      await run(organisations.action, formRequest('/admin/organisations', { ...fields, name: fields.name.toUpperCase(), leadEmail: 'x@riverside.test' }, session))
    ).json()
    expect(sameName.fieldErrors.name).toBe('An organisation with this name is already on Attune')
    const taken = await (await run(organisations.action, formRequest('/admin/organisations', { ...fields, name: 'Hillside Trust', leadEmail: mine.lead.email }, session))).json()
    expect(taken.fieldErrors.leadEmail).toBe('Someone with this email address already has an account')
    expect(taken.values.name).toBe('Hillside Trust')
    for (const who of [mine.lead, mine.supervisor, mine.trainee, mine.accreditor]) {
      expect((await run(organisations.action, formRequest('/admin/organisations', { ...fields, name: 'Other Trust', leadEmail: 'o@o.test' }, await cookie(who)))).status).toBe(403)
      expect((await run(organisations.loader, getRequest('/admin/organisations', await cookie(who)))).status).toBe(403)
    }
    expect(await counts()).toEqual(before)
  })
})

describe('one sign-in, several roles', () => {
  it('a supervisor who also accredits reaches both roles’ pages with one session, and lands on the first', async () => {
    const { db, mine, other, cookie } = await world()
    const mark = await createUser(db, ['supervisor', 'accreditor'], { organisationId: mine.organisation.id })
    await createEnrolment(db, { programmeId: mine.programme.id, supervisorId: mark.id, accreditorId: mine.accreditor.id })
    await createEnrolment(db, { programmeId: other.programme.id, supervisorId: other.supervisor.id, accreditorId: mark.id })
    const { action: login } = await import('~/routes/login')
    const signedIn = await run(login, formRequest('/login', { email: mark.email, password: 'correct horse battery staple' }))
    expect(signedIn.headers.get('Location')).toBe('/supervisor')
    const session = await cookie(mark)
    const { loader: supervisorHome } = await import('~/routes/supervisor._index')
    const { loader: accreditorHome } = await import('~/routes/accreditor._index')
    const { loader: root } = await import('~/root')
    expect((await run(supervisorHome, getRequest('/supervisor', session))).status).toBe(200)
    expect((await run(accreditorHome, getRequest('/accreditor', session))).status).toBe(200)
    const header = await (await run(root, getRequest('/accreditor', session))).json()
    expect(header.user).toMatchObject({
      role: 'accreditor',
      roles: [
        { role: 'supervisor', home: '/supervisor' },
        { role: 'accreditor', home: '/accreditor' },
      ],
    })
    expect((await (await run(root, getRequest('/supervisor', session))).json()).user.role).toBe('supervisor')
    const { loader: leadHome } = await import('~/routes/lead._index')
    expect((await run(leadHome, getRequest('/lead', session))).status).toBe(403)
  })
})
