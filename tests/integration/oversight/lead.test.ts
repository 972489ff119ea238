import { describe, expect, it } from 'vitest'
import { action as newProgramme } from '~/routes/lead.programmes.new'
import { action as editProgramme } from '~/routes/lead.programmes.$programmeId.edit'
import { action as peopleAction } from '~/routes/lead.programmes.$programmeId.people'
import { action as setPasswordAction, loader as setPasswordLoader } from '~/routes/set-password.$token'
import { action as enrolAction, loader as enrolLoader } from '~/routes/lead.programmes.$programmeId.enrol'
import { action as enrolmentAction } from '~/routes/lead.enrolments.$enrolmentId'
import { enrolTrainee } from '~/models/enrolment.server'
import { getDb } from '~/utils/db.server'
import { hashToken } from '~/utils/tokens.server'
import { createUser, ruleSetIdByKey } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { auditActions, programmeWithTrainee } from './world'

const programmeFields = { name: 'Riverside VIG', startedOn: '2026-01-05', fundingEndsOn: '2027-03-31', budget: '£24,000', registrationFee: '' }

describe('programmes', () => {
  it('explains each mistake beside its field and keeps what was typed', async () => {
    const db = await getDb()
    const { lead } = await programmeWithTrainee(db)
    const response = await run(
      newProgramme,
      formRequest('/lead/programmes/new', { ...programmeFields, name: '', fundingEndsOn: '2025-01-01', budget: 'lots', fee1: '6.4.0' }, await signInCookie(lead.email)),
    )
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.fieldErrors).toMatchObject({ name: 'Enter the programme name', budget: expect.stringMatching(/in pounds/), fee1: expect.stringMatching(/in pounds/) })
    expect(body.values).toMatchObject({ budget: 'lots', fundingEndsOn: '2025-01-01' })
    const dates = await run(newProgramme, formRequest('/lead/programmes/new', { ...programmeFields, fundingEndsOn: '2025-01-01' }, await signInCookie(lead.email)))
    expect((await dates.json()).fieldErrors.fundingEndsOn).toBe('The funding end date must be after the start date')
  })

  it('creates a programme for the lead’s organisation, led by them, with fee overrides and capacities', async () => {
    const db = await getDb()
    const { lead, supervisor } = await programmeWithTrainee(db)
    const response = await run(newProgramme, formRequest('/lead/programmes/new', { ...programmeFields, fee1: '700', [`capacity${supervisor.id}`]: '7.5' }, await signInCookie(lead.email)))
    expect(response.status).toBe(302)
    const id = Number(response.headers.get('Location')!.split('/').pop())
    expect(await db.selectFrom('programmes').select(['name', 'budget_pence', 'registration_fee_pence']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      name: 'Riverside VIG',
      budget_pence: 2_400_000,
      registration_fee_pence: null,
    })
    expect(await db.selectFrom('programme_leads').select('user_id').where('programme_id', '=', id).execute()).toEqual([{ user_id: lead.id }])
    expect(await db.selectFrom('programme_stage_fees').select(['stage_number', 'fee_pence']).where('programme_id', '=', id).execute()).toEqual([{ stage_number: 1, fee_pence: 70000 }])
    expect(await db.selectFrom('programme_supervisors').select(['user_id', 'capacity_minutes_per_month']).where('programme_id', '=', id).execute()).toEqual([
      { user_id: supervisor.id, capacity_minutes_per_month: 450 },
    ])
  })

  it('edits only programmes the lead leads, and will not drop a supervisor who still has trainees on it', async () => {
    const db = await getDb()
    const { lead, programme, supervisor } = await programmeWithTrainee(db)
    const other = await programmeWithTrainee(db)
    const cookie = await signInCookie(lead.email)
    const params = { programmeId: String(programme.id) }
    const dropped = await run(editProgramme, formRequest(`/lead/programmes/${programme.id}/edit`, programmeFields, cookie), params)
    expect((await dropped.json()).fieldErrors[`capacity${supervisor.id}`]).toMatch(/supervises trainees on this programme/)
    const saved = await run(editProgramme, formRequest(`/lead/programmes/${programme.id}/edit`, { ...programmeFields, [`capacity${supervisor.id}`]: '10' }, cookie), params)
    expect(saved.status).toBe(302)
    const audit = await db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('action', '=', 'programme.updated').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after_json!).name).toBe('Riverside VIG')
    expect(JSON.parse(audit.before_json!).name).not.toBe('Riverside VIG')
    const foreign = await run(editProgramme, formRequest(`/lead/programmes/${other.programme.id}/edit`, programmeFields, cookie), { programmeId: String(other.programme.id) })
    expect(foreign.status).toBe(404)
  })
})

describe('people and set-password links', () => {
  async function addPerson() {
    const db = await getDb()
    const world = await programmeWithTrainee(db)
    const cookie = await signInCookie(world.lead.email)
    const response = await run(
      peopleAction,
      formRequest(`/lead/programmes/${world.programme.id}/people`, { intent: 'add-person', name: 'Zoe New', email: 'Zoe.New@test.attune.test', role: 'trainee', jobTitle: '' }, cookie),
      { programmeId: String(world.programme.id) },
    )
    const body = await response.json()
    const token = new URL(body.link.url).pathname.split('/').pop()!
    return { ...world, cookie, token }
  }

  it('creates the account in the programme’s organisation and shows a link whose token is stored only as a hash', async () => {
    const db = await getDb()
    const { token, organisation } = await addPerson()
    const user = await db.selectFrom('users').selectAll().where('email', '=', 'zoe.new@test.attune.test').executeTakeFirstOrThrow()
    expect(user).toMatchObject({ organisation_id: organisation.id, password_hash: null })
    expect(await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute()).toEqual([{ role: 'trainee' }])
    const stored = await db.selectFrom('password_tokens').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow()
    expect(stored.token_hash).toBe(hashToken(token))
    expect(JSON.stringify(await db.selectFrom('password_tokens').selectAll().execute())).not.toContain(token)
  })

  it('sets the password once through the link; the person can then sign in; the link is then used up', async () => {
    const { token } = await addPerson()
    expect(await (await run(setPasswordLoader, getRequest(`/set-password/${token}`), { token })).json()).toMatchObject({ valid: true, name: 'Zoe New' })
    const mismatch = await run(setPasswordAction, formRequest(`/set-password/${token}`, { password: 'a long enough secret', confirmPassword: 'something else' }), { token })
    expect((await mismatch.json()).fieldErrors.confirmPassword).toBe('The two passwords are not the same')
    const set = await run(setPasswordAction, formRequest(`/set-password/${token}`, { password: 'a long enough secret', confirmPassword: 'a long enough secret' }), { token })
    expect(set.headers.get('Location')).toBe('/login')
    await signInCookie('zoe.new@test.attune.test', 'a long enough secret')
    const reused = await run(setPasswordAction, formRequest(`/set-password/${token}`, { password: 'another long secret', confirmPassword: 'another long secret' }), { token })
    expect((await reused.json()).formError).toMatch(/does not work/)
    expect(await (await run(setPasswordLoader, getRequest(`/set-password/${token}`), { token })).json()).toEqual({ valid: false })
  })

  it('refuses an expired link and a made-up one alike', async () => {
    const db = await getDb()
    const { token } = await addPerson()
    await db.updateTable('password_tokens').set({ expires_at: '2020-01-01T00:00:00.000Z' }).execute()
    for (const t of [token, 'made-up-token']) {
      expect(await (await run(setPasswordLoader, getRequest(`/set-password/${t}`), { token: t })).json()).toEqual({ valid: false })
      const response = await run(setPasswordAction, formRequest(`/set-password/${t}`, { password: 'a long enough secret', confirmPassword: 'a long enough secret' }), { token: t })
      expect((await response.json()).formError).toMatch(/does not work/)
    }
    expect((await db.selectFrom('users').select('password_hash').where('email', '=', 'zoe.new@test.attune.test').executeTakeFirstOrThrow()).password_hash).toBeNull()
  })

  it('a new link replaces the old one; a lead cannot issue links for leads, admins or other organisations', async () => {
    const db = await getDb()
    const { token, cookie, programme, lead, organisation } = await addPerson()
    const zoe = await db.selectFrom('users').select('id').where('email', '=', 'zoe.new@test.attune.test').executeTakeFirstOrThrow()
    const params = { programmeId: String(programme.id) }
    const again = await run(peopleAction, formRequest(`/lead/programmes/${programme.id}/people`, { intent: 'new-link', userId: String(zoe.id) }, cookie), params)
    expect((await again.json()).link.name).toBe('Zoe New')
    expect(await (await run(setPasswordLoader, getRequest(`/set-password/${token}`), { token })).json()).toEqual({ valid: false })
    const admin = await createUser(db, 'admin', { organisationId: organisation.id })
    const stranger = await createUser(db, 'trainee')
    for (const target of [admin.id, lead.id, stranger.id]) {
      const response = await run(peopleAction, formRequest(`/lead/programmes/${programme.id}/people`, { intent: 'new-link', userId: String(target) }, cookie), params)
      expect(response.status).toBe(404)
    }
  })

  it('says by the field when the email address is taken', async () => {
    const db = await getDb()
    const { programme, cookie, trainee } = await addPerson()
    const email = (await db.selectFrom('users').select('email').where('id', '=', trainee.id).executeTakeFirstOrThrow()).email
    const response = await run(peopleAction, formRequest(`/lead/programmes/${programme.id}/people`, { intent: 'add-person', name: 'Dup', email, role: 'supervisor', jobTitle: '' }, cookie), {
      programmeId: String(programme.id),
    })
    expect((await response.json()).fieldErrors.email).toMatch(/already has an account/)
  })
})

describe('enrolling and reassigning', () => {
  async function setUp() {
    const db = await getDb()
    const world = await programmeWithTrainee(db)
    const newcomer = await createUser(db, 'trainee', { organisationId: world.organisation.id })
    const ruleSetId = await ruleSetIdByKey(db)
    const fields = {
      traineeId: String(newcomer.id),
      ruleSetId: String(ruleSetId),
      startedOn: '2026-02-01',
      startingStage: '0',
      priorLearningReason: '',
      supervisorId: String(world.supervisor.id),
      accreditorId: String(world.accreditor.id),
    }
    return { ...world, newcomer, ruleSetId, fields, cookie: await signInCookie(world.lead.email) }
  }

  it('refuses the trainee’s own supervisor as their external accreditor, with the message by the field', async () => {
    const db = await getDb()
    const { programme, cookie, fields, supervisor, lead, newcomer, ruleSetId } = await setUp()
    const response = await run(enrolAction, formRequest(`/lead/programmes/${programme.id}/enrol`, { ...fields, accreditorId: fields.supervisorId }, cookie), {
      programmeId: String(programme.id),
    })
    const body = await response.json()
    expect(body.fieldErrors.accreditorId).toMatch(/cannot be the trainee’s own supervisor/)
    expect(body.values.traineeId).toBe(fields.traineeId)
    // The model refuses too, whatever the form said.
    await expect(
      db.transaction().execute((trx) =>
        enrolTrainee(trx, { id: lead.id, roles: ['lead'] }, programme.id, {
          traineeId: newcomer.id,
          ruleSetId,
          startedOn: '2026-02-01',
          startingStage: 0,
          priorLearningReason: '',
          supervisorId: supervisor.id,
          accreditorId: supervisor.id,
        }),
      ),
    ).rejects.toThrow(/cannot be the trainee’s own supervisor/)
    expect(await db.selectFrom('enrolments').select('id').where('trainee_id', '=', newcomer.id).execute()).toEqual([])
  })

  it('enrols part-way: earlier stages recognised with the reason and locked; assignments and an audit row written', async () => {
    const db = await getDb()
    const { programme, cookie, fields, newcomer } = await setUp()
    const noReason = await run(enrolAction, formRequest(`/lead/programmes/${programme.id}/enrol`, { ...fields, startingStage: '2' }, cookie), { programmeId: String(programme.id) })
    expect((await noReason.json()).fieldErrors.priorLearningReason).toMatch(/Say why/)
    const response = await run(
      enrolAction,
      formRequest(`/lead/programmes/${programme.id}/enrol`, { ...fields, startingStage: '2', priorLearningReason: 'Stage 1 accredited with another provider' }, cookie),
      { programmeId: String(programme.id) },
    )
    expect(response.status).toBe(302)
    const enrolment = await db.selectFrom('enrolments').selectAll().where('trainee_id', '=', newcomer.id).executeTakeFirstOrThrow()
    expect(enrolment).toMatchObject({ current_stage: 2, joined_at_stage: 2, prior_learning_reason: 'Stage 1 accredited with another provider' })
    const stages = await db
      .selectFrom('enrolment_stages')
      .select(['stage_number', 'status', 'locked', 'recognised_reason'])
      .where('enrolment_id', '=', enrolment.id)
      .orderBy('stage_number')
      .execute()
    expect(stages).toEqual([
      { stage_number: 0, status: 'recognised', locked: 1, recognised_reason: 'Stage 1 accredited with another provider' },
      { stage_number: 1, status: 'recognised', locked: 1, recognised_reason: 'Stage 1 accredited with another provider' },
      { stage_number: 2, status: 'in_progress', locked: 0, recognised_reason: null },
    ])
    expect(await db.selectFrom('enrolment_assignments').select(['kind', 'to_on']).where('enrolment_id', '=', enrolment.id).orderBy('kind').execute()).toEqual([
      { kind: 'accreditor', to_on: null },
      { kind: 'supervisor', to_on: null },
    ])
    expect(await auditActions(db, enrolment.id)).toEqual(['enrolment.created'])
  })

  it('offers a supervisor just added to the organisation at once, without a capacity, and enrols with them', async () => {
    const db = await getDb()
    const { programme, cookie, fields, newcomer, organisation } = await setUp()
    const fresh = await createUser(db, 'supervisor', { organisationId: organisation.id, name: 'Zara New' })
    const otherOrganisation = await createUser(db, 'supervisor', { name: 'Yusuf Elsewhere' })
    const page = await (await run(enrolLoader, getRequest(`/lead/programmes/${programme.id}/enrol`, cookie), { programmeId: String(programme.id) })).json()
    expect(page.options.supervisors).toContainEqual({ id: fresh.id, name: 'Zara New', capacity_minutes: null })
    expect(page.options.supervisors.map((s: { id: number }) => s.id)).not.toContain(otherOrganisation.id)
    const refused = await run(enrolAction, formRequest(`/lead/programmes/${programme.id}/enrol`, { ...fields, supervisorId: String(otherOrganisation.id) }, cookie), {
      programmeId: String(programme.id),
    })
    expect((await refused.json()).fieldErrors.supervisorId).toBe('Choose a supervisor of the programme’s organisation')
    const response = await run(enrolAction, formRequest(`/lead/programmes/${programme.id}/enrol`, { ...fields, supervisorId: String(fresh.id) }, cookie), {
      programmeId: String(programme.id),
    })
    expect(response.status).toBe(302)
    expect((await db.selectFrom('enrolments').select('supervisor_id').where('trainee_id', '=', newcomer.id).executeTakeFirstOrThrow()).supervisor_id).toBe(fresh.id)
    // They now appear among the programme's supervisors, where the Edit page sets their capacity.
    expect(await db.selectFrom('programme_supervisors').select('capacity_minutes_per_month').where('programme_id', '=', programme.id).where('user_id', '=', fresh.id).execute()).toEqual([
      { capacity_minutes_per_month: 0 },
    ])
  })

  it('keeps the history when reassigning, and never makes the supervisor the accreditor', async () => {
    const db = await getDb()
    const { enrolment, cookie, organisation, programme, supervisor } = await setUp()
    const newSupervisor = await createUser(db, 'supervisor', { organisationId: organisation.id })
    await db.insertInto('programme_supervisors').values({ programme_id: programme.id, user_id: newSupervisor.id }).execute()
    await db.insertInto('enrolment_assignments').values({ enrolment_id: enrolment.id, kind: 'supervisor', user_id: supervisor.id, from_on: '2026-01-05' }).execute()
    const params = { enrolmentId: String(enrolment.id) }
    const path = `/lead/enrolments/${enrolment.id}`
    const refused = await run(
      enrolmentAction,
      formRequest(path, { intent: 'reassign', kind: 'accreditor', userId: String(supervisor.id), fromOn: '2026-06-01', reason: 'Helen is away' }, cookie),
      params,
    )
    expect((await refused.json()).fieldErrors.userId).toMatch(/cannot be the trainee’s own supervisor/)
    const done = await run(
      enrolmentAction,
      formRequest(path, { intent: 'reassign', kind: 'supervisor', userId: String(newSupervisor.id), fromOn: '2026-06-01', reason: 'Sarah on leave' }, cookie),
      params,
    )
    expect(done.status).toBe(302)
    expect(
      await db
        .selectFrom('enrolment_assignments')
        .select(['user_id', 'from_on', 'to_on', 'reason'])
        .where('enrolment_id', '=', enrolment.id)
        .where('kind', '=', 'supervisor')
        .orderBy('id')
        .execute(),
    ).toEqual([
      { user_id: supervisor.id, from_on: '2026-01-05', to_on: '2026-06-01', reason: null },
      { user_id: newSupervisor.id, from_on: '2026-06-01', to_on: null, reason: 'Sarah on leave' },
    ])
    expect((await db.selectFrom('enrolments').select('supervisor_id').where('id', '=', enrolment.id).executeTakeFirstOrThrow()).supervisor_id).toBe(newSupervisor.id)
    const audit = await db.selectFrom('audit_log').select(['action', 'before_json', 'after_json', 'reason']).where('enrolment_id', '=', enrolment.id).executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ action: 'enrolment.supervisor_changed', reason: 'Sarah on leave' })
    expect(JSON.parse(audit.before_json!)).toEqual({ userId: supervisor.id })
  })

  it('unlocks a locked stage only with a reason, audited, and can lock it again', async () => {
    const db = await getDb()
    const { enrolment, cookie } = await setUp()
    const params = { enrolmentId: String(enrolment.id) }
    const path = `/lead/enrolments/${enrolment.id}`
    const noReason = await run(enrolmentAction, formRequest(path, { intent: 'unlock', stageNumber: '0', reason: '' }, cookie), params)
    expect((await noReason.json()).fieldErrors.reason).toMatch(/Enter why the records need to change/)
    expect((await run(enrolmentAction, formRequest(path, { intent: 'unlock', stageNumber: '0', reason: 'Course date typed wrong' }, cookie), params)).status).toBe(302)
    const lock = async () =>
      (await db.selectFrom('enrolment_stages').select('locked').where('enrolment_id', '=', enrolment.id).where('stage_number', '=', 0).executeTakeFirstOrThrow()).locked
    expect(await lock()).toBe(0)
    expect((await run(enrolmentAction, formRequest(path, { intent: 'relock', stageNumber: '0', reason: '' }, cookie), params)).status).toBe(302)
    expect(await lock()).toBe(1)
    const rows = await db.selectFrom('audit_log').select(['action', 'reason']).where('enrolment_id', '=', enrolment.id).orderBy('id').execute()
    expect(rows).toEqual([
      { action: 'stage.unlocked', reason: 'Course date typed wrong' },
      { action: 'stage.relocked', reason: null },
    ])
    const inProgress = await run(enrolmentAction, formRequest(path, { intent: 'unlock', stageNumber: '1', reason: 'x' }, cookie), params)
    expect((await inProgress.json()).formError).toMatch(/not locked/)
  })
})
