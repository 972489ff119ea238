import { describe, expect, it } from 'vitest'
import { createClientRow, createCycleRow } from '../../factories'
import { formRequest, getRequest, run } from '../../http'
import { enrolledTrainee, refusal } from './context'
import { action as newClient } from '~/routes/trainee.clients.new'
import { action as clientAction, loader as clientLoader } from '~/routes/trainee.clients.$clientId'
import { loader as clientsLoader } from '~/routes/trainee.clients._index'
import { addDays, today } from '~/utils/dates'

const goodClient = {
  code: 'fam-07',
  relationship: 'parent_infant',
  helping_question: 'I want bath time to feel calmer.',
  consent_given_on: '2026-02-01',
  consent_scopes: ['supervision', 'intervision'],
}

describe('adding a client', () => {
  it('stores an anonymised code in capitals with its consent, audited', async () => {
    const { db, trainee, cookie } = await enrolledTrainee()
    const response = await run(newClient, formRequest('/trainee/clients/new', goodClient, cookie))
    expect(response.status).toBe(302)
    const client = await db.selectFrom('clients').selectAll().where('trainee_id', '=', trainee.id).executeTakeFirstOrThrow()
    expect(response.headers.get('Location')).toBe(`/trainee/clients/${client.id}`)
    expect(client).toMatchObject({ code: 'FAM-07', consent_given_on: '2026-02-01', consent_supervision: 1, consent_intervision: 1, consent_training_events: 0 })
    const audit = await db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'client').execute()
    expect(audit).toMatchObject([{ action: 'client.created', actor_id: trainee.id, entity_id: client.id }])
  })

  it.each([
    ['Jane Smith', /“Jane” looks like a name/],
    ['jane@example.com', /email address/],
    ['07700 900123', /phone number/],
    ['943 476 5919', /NHS number/],
  ])('refuses %s as a code, saying why and keeping what was typed', async (code, message) => {
    const { db, cookie } = await enrolledTrainee()
    const body = await refusal(await run(newClient, formRequest('/trainee/clients/new', { ...goodClient, code }, cookie)))
    expect(body.fieldErrors.code).toMatch(message)
    expect(body.values).toMatchObject({ code, helping_question: goodClient.helping_question, consent_scopes: ['supervision', 'intervision'] })
    expect(await db.selectFrom('clients').select('id').execute()).toHaveLength(0)
  })

  it('refuses a code the trainee already uses, in any case', async () => {
    const { db, trainee, cookie } = await enrolledTrainee()
    await createClientRow(db, trainee.id, { code: 'FAM-07' })
    const body = await refusal(await run(newClient, formRequest('/trainee/clients/new', goodClient, cookie)))
    expect(body.fieldErrors.code).toBe('You already have a client with the code FAM-07. Choose a different code')
  })

  it('lets two trainees use the same code', async () => {
    const other = await enrolledTrainee()
    await createClientRow(other.db, other.trainee.id, { code: 'FAM-07' })
    const { cookie } = await enrolledTrainee()
    expect((await run(newClient, formRequest('/trainee/clients/new', goodClient, cookie))).status).toBe(302)
  })

  it('checks the consent record', async () => {
    const { cookie } = await enrolledTrainee()
    const noDate = await refusal(await run(newClient, formRequest('/trainee/clients/new', { ...goodClient, consent_given_on: '' }, cookie)))
    expect(noDate.fieldErrors).toEqual({ consent_given_on: 'Enter the date consent was given' })
    const noScope = await refusal(await run(newClient, formRequest('/trainee/clients/new', { ...goodClient, consent_scopes: [] }, cookie)))
    expect(noScope.fieldErrors).toEqual({ consent_scopes: 'Tick what the family consented to' })
    const future = await refusal(await run(newClient, formRequest('/trainee/clients/new', { ...goodClient, consent_given_on: addDays(today(), 1) }, cookie)))
    expect(future.fieldErrors).toEqual({ consent_given_on: 'The date consent was given cannot be in the future' })
    const identifying = await refusal(await run(newClient, formRequest('/trainee/clients/new', { ...goodClient, helping_question: 'Ring mum on 07700900123' }, cookie)))
    expect(identifying.fieldErrors.helping_question).toMatch(/^Remove the number: this looks like a phone number/)
  })

  it('a client added without consent yet is allowed, but cannot have cycles', async () => {
    const { db, cookie } = await enrolledTrainee()
    const response = await run(newClient, formRequest('/trainee/clients/new', { ...goodClient, consent_given_on: '', consent_scopes: [] }, cookie))
    expect(response.status).toBe(302)
    const client = await db.selectFrom('clients').select('id').executeTakeFirstOrThrow()
    const page = await (await run(clientLoader, getRequest(`/trainee/clients/${client.id}`, cookie), { clientId: String(client.id) })).json()
    expect(page.cannotLogCycles).toMatch(/has not given consent/)
  })
})

describe('a client’s page', () => {
  it('records withdrawal and the end of work, audited with the record before and after', async () => {
    const { db, trainee, cookie } = await enrolledTrainee()
    const client = await createClientRow(db, trainee.id, { code: 'AK-01' })
    const path = `/trainee/clients/${client.id}`
    const response = await run(clientAction, formRequest(path, { intent: 'update', ...goodClient, code: 'AK-01', consent_withdrawn_on: '2026-03-01', work_ended_on: '2026-03-01' }, cookie), {
      clientId: String(client.id),
    })
    expect(response.status).toBe(302)
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'client.updated').executeTakeFirstOrThrow()
    expect(JSON.parse(audit.before_json!)).toMatchObject({ consent_withdrawn_on: null, work_ended_on: null })
    expect(JSON.parse(audit.after_json!)).toMatchObject({ consent_withdrawn_on: '2026-03-01', work_ended_on: '2026-03-01' })
  })

  it('shows the erasure date from the rule set’s retention period and reminds when it has passed', async () => {
    const { db, trainee, cookie } = await enrolledTrainee()
    const ended = addDays(today(), -61)
    const client = await createClientRow(db, trainee.id, { workEndedOn: ended })
    const page = await (await run(clientLoader, getRequest(`/trainee/clients/${client.id}`, cookie), { clientId: String(client.id) })).json()
    expect(page.recordings).toEqual({ state: 'overdue', dueOn: addDays(ended, 60), daysOverdue: 1 })
    expect(page.reminder).toBe('Recordings should have been erased 1 day ago. Erase them now and record the date.')
    const list = await (await run(clientsLoader, getRequest('/trainee/clients', cookie))).json()
    expect(list.clients[0].reminder).toBe(page.reminder)
  })

  it('deletes a client with no work logged, but never one with cycles', async () => {
    const { db, trainee, enrolment, cookie } = await enrolledTrainee()
    const used = await createClientRow(db, trainee.id)
    await createCycleRow(db, { enrolmentId: enrolment.id, clientId: used.id })
    const body = await refusal(await run(clientAction, formRequest(`/trainee/clients/${used.id}`, { intent: 'delete' }, cookie), { clientId: String(used.id) }))
    expect(body.deleteError).toMatch(/has cycles or supervision sessions logged/)
    const unused = await createClientRow(db, trainee.id)
    const deleted = await run(clientAction, formRequest(`/trainee/clients/${unused.id}`, { intent: 'delete' }, cookie), { clientId: String(unused.id) })
    expect(deleted.headers.get('Location')).toBe('/trainee/clients')
    expect(await db.selectFrom('clients').select('id').execute()).toEqual([{ id: used.id }])
    expect(await db.selectFrom('audit_log').select('action').where('entity_id', '=', unused.id).execute()).toEqual([{ action: 'client.deleted' }])
  })
})
