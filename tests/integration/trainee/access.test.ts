// A trainee can never see or change another trainee's records, even by editing ids in URLs or forms.
import { describe, expect, it } from 'vitest'
import { createClientRow, createCycleRow, createReflectionRow, createSessionRow } from '../../factories'
import { formRequest, getRequest, run } from '../../http'
import { enrolledTrainee, refusal } from './context'
import { action as clientAction, loader as clientLoader } from '~/routes/trainee.clients.$clientId'
import { loader as clientsLoader } from '~/routes/trainee.clients._index'
import { action as cycleAction, loader as cycleLoader } from '~/routes/trainee.cycles.$cycleId'
import { action as newCycle, loader as newCycleLoader } from '~/routes/trainee.cycles.new'
import { action as newReflection, loader as newReflectionLoader } from '~/routes/trainee.reflections.new'
import { action as reflectionAction, loader as reflectionLoader } from '~/routes/trainee.reflections.$reflectionId'
import { action as sessionAction, loader as sessionLoader } from '~/routes/trainee.supervision.$sessionId'
import { action as newSession } from '~/routes/trainee.supervision.new'
import { loader as timelineLoader } from '~/routes/trainee.timeline'

/** Trainee A with one of everything; trainee B signed in. */
async function twoTrainees() {
  const a = await enrolledTrainee()
  const client = await createClientRow(a.db, a.trainee.id, { code: 'AAA-1' })
  const cycle = await createCycleRow(a.db, { enrolmentId: a.enrolment.id, clientId: client.id })
  const session = await createSessionRow(a.db, { enrolmentId: a.enrolment.id, supervisorId: a.supervisorId, clientIds: [client.id] })
  const reflection = await createReflectionRow(a.db, { enrolmentId: a.enrolment.id, sessionId: session.id })
  const b = await enrolledTrainee({ supervisorId: a.supervisorId })
  const snapshot = async () =>
    Promise.all(
      ['clients', 'cycles', 'supervision_sessions', 'supervision_session_clients', 'reflections'].map((t) =>
        a.db
          .selectFrom(t as 'clients')
          .selectAll()
          .execute(),
      ),
    )
  return { a, b, client, cycle, session, reflection, before: await snapshot(), snapshot }
}

describe('trainee B and trainee A’s records', () => {
  it('cannot read them by id: every page answers 404, as for a record that does not exist', async () => {
    const { b, client, cycle, session, reflection } = await twoTrainees()
    const pages = [
      [clientLoader, `/trainee/clients/${client.id}`, { clientId: String(client.id) }],
      [cycleLoader, `/trainee/cycles/${cycle.id}`, { cycleId: String(cycle.id) }],
      [sessionLoader, `/trainee/supervision/${session.id}`, { sessionId: String(session.id) }],
      [reflectionLoader, `/trainee/reflections/${reflection.id}`, { reflectionId: String(reflection.id) }],
      [newReflectionLoader, `/trainee/reflections/new?session=${session.id}`, {}],
      [clientLoader, '/trainee/clients/99999', { clientId: '99999' }],
      [cycleLoader, '/trainee/cycles/not-a-number', { cycleId: 'not-a-number' }],
    ] as const
    for (const [loader, path, params] of pages) {
      expect((await run(loader, getRequest(path, b.cookie), params)).status, path).toBe(404)
    }
  })

  it('cannot change or delete them by id', async () => {
    const { b, client, cycle, session, reflection, before, snapshot } = await twoTrainees()
    const writes = [
      [clientAction, `/trainee/clients/${client.id}`, { clientId: String(client.id) }, { intent: 'update', code: 'BBB-1', relationship: 'other' }],
      [clientAction, `/trainee/clients/${client.id}`, { clientId: String(client.id) }, { intent: 'delete' }],
      [cycleAction, `/trainee/cycles/${cycle.id}`, { cycleId: String(cycle.id) }, { intent: 'update', client_id: String(client.id), filmed_on: '2026-02-01', clip_count: '1' }],
      [cycleAction, `/trainee/cycles/${cycle.id}`, { cycleId: String(cycle.id) }, { intent: 'delete' }],
      [
        sessionAction,
        `/trainee/supervision/${session.id}`,
        { sessionId: String(session.id) },
        { intent: 'update', held_on: '2026-02-01', minutes: '60', format: 'group', supervisor_id: '1' },
      ],
      [sessionAction, `/trainee/supervision/${session.id}`, { sessionId: String(session.id) }, { intent: 'delete' }],
      [reflectionAction, `/trainee/reflections/${reflection.id}`, { reflectionId: String(reflection.id) }, { intent: 'update', decision: 'submit', body: 'not mine' }],
      [reflectionAction, `/trainee/reflections/${reflection.id}`, { reflectionId: String(reflection.id) }, { intent: 'delete' }],
      [newReflection, `/trainee/reflections/new?session=${session.id}`, {}, { decision: 'draft', body: 'on someone else’s session' }],
    ] as const
    for (const [action, path, params, fields] of writes) {
      expect((await run(action, formRequest(path, fields, b.cookie), params)).status, `${path} ${JSON.stringify(fields)}`).toBe(404)
    }
    expect(await snapshot()).toEqual(before)
    expect(await b.db.selectFrom('audit_log').select('id').execute()).toHaveLength(0)
  })

  it('cannot name A’s client in a cycle or a session form', async () => {
    const { b, client, before, snapshot } = await twoTrainees()
    const cycle = await refusal(
      await run(newCycle, formRequest('/trainee/cycles/new', { client_id: String(client.id), filmed_on: '2026-02-01', reviewed_on: '2026-02-05', clip_count: '2' }, b.cookie)),
    )
    expect(cycle.fieldErrors).toEqual({ client_id: 'Choose one of your clients' })
    const own = await createClientRow(b.db, b.trainee.id)
    const session = await refusal(
      await run(
        newSession,
        formRequest(
          '/trainee/supervision/new',
          { held_on: '2026-02-01', minutes: '60', format: 'one_to_one', supervisor_id: String(b.supervisorId), client_ids: [String(own.id), String(client.id)] },
          b.cookie,
        ),
      ),
    )
    expect(session.fieldErrors).toEqual({ client_ids: 'Choose only your own clients' })
    const after = await snapshot()
    expect(after[0]).toEqual([...before[0], own])
    expect(after.slice(1)).toEqual(before.slice(1))
  })

  it('cannot move one of their own records onto A’s client', async () => {
    const { b, client } = await twoTrainees()
    const own = await createClientRow(b.db, b.trainee.id)
    const mine = await createCycleRow(b.db, { enrolmentId: b.enrolment.id, clientId: own.id })
    const body = await refusal(
      await run(
        cycleAction,
        formRequest(`/trainee/cycles/${mine.id}`, { intent: 'update', client_id: String(client.id), filmed_on: '2026-02-03', reviewed_on: '2026-02-10', clip_count: '3' }, b.cookie),
        {
          cycleId: String(mine.id),
        },
      ),
    )
    expect(body.fieldErrors).toEqual({ client_id: 'Choose one of your clients' })
    expect((await b.db.selectFrom('cycles').select('client_id').where('id', '=', mine.id).executeTakeFirstOrThrow()).client_id).toBe(own.id)
  })

  it('never sees them in lists, choices or the timeline', async () => {
    const { b } = await twoTrainees()
    const own = await createClientRow(b.db, b.trainee.id, { code: 'BBB-1' })
    const clients = await (await run(clientsLoader, getRequest('/trainee/clients', b.cookie))).json()
    expect(clients.clients.map((c: { code: string }) => c.code)).toEqual(['BBB-1'])
    const choices = await (await run(newCycleLoader, getRequest('/trainee/cycles/new', b.cookie))).json()
    expect(choices.clients).toEqual([{ value: String(own.id), label: 'BBB-1' }])
    const timeline = await (await run(timelineLoader, getRequest('/trainee/timeline', b.cookie))).json()
    expect(timeline.entries.map((e: { key: string }) => e.key)).toEqual([`client-${own.id}`])
  })
})
