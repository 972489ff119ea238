// A full Stage 1 logged through the trainee's own forms: readiness reaches "ready for sign-off" only
// when every requirement of the rule set holds (6 cycles, 2 new clients, 7 hours confirmed; no
// written reflection before Stage 3).
import { describe, expect, it } from 'vitest'
import { formRequest, run } from '../../http'
import { enrolledTrainee, readinessOnHome } from './context'
import { action as newClient } from '~/routes/trainee.clients.new'
import { action as newCycle } from '~/routes/trainee.cycles.new'
import { action as newSession } from '~/routes/trainee.supervision.new'

describe('a whole Stage 1', () => {
  it('is ready for sign-off only when every requirement holds', async () => {
    const { db, supervisorId, cookie } = await enrolledTrainee({ startedOn: '2026-01-05' })
    const post = async (action: typeof newClient, path: string, fields: Record<string, string | string[]>) => {
      const response = await run(action, formRequest(path, fields, cookie))
      expect(response.status, JSON.stringify(fields)).toBe(302)
    }
    const missing = async () => (await readinessOnHome(cookie)).missing

    for (const code of ['HV-01', 'HV-02']) {
      await post(newClient, '/trainee/clients/new', { code, relationship: 'parent_infant', consent_given_on: '2026-01-20', consent_scopes: ['supervision', 'intervision'] })
    }
    const [first, second] = await db.selectFrom('clients').select('id').orderBy('code').execute()
    expect(await missing()).toEqual(['6 more completed cycles', '2 more new clients this stage', '7 more hours of confirmed supervision'])

    // Six cycles, all with the first client: enough cycles, not enough clients.
    for (let i = 0; i < 6; i++) {
      await post(newCycle, '/trainee/cycles/new', { client_id: String(first.id), filmed_on: `2026-02-0${i + 1}`, reviewed_on: `2026-02-1${i}`, clip_count: '3' })
    }
    expect(await missing()).toEqual(['1 more new client this stage', '7 more hours of confirmed supervision'])

    // A cycle with the second client still in progress does not count; its shared review does.
    await post(newCycle, '/trainee/cycles/new', { client_id: String(second.id), filmed_on: '2026-03-02', reviewed_on: '', clip_count: '2' })
    expect((await missing())[0]).toBe('1 more new client this stage')
    const inProgress = await db.selectFrom('cycles').select('id').where('reviewed_on', 'is', null).executeTakeFirstOrThrow()
    await db.deleteFrom('cycles').where('id', '=', inProgress.id).execute()
    await post(newCycle, '/trainee/cycles/new', { client_id: String(second.id), filmed_on: '2026-03-02', reviewed_on: '2026-03-09', clip_count: '2' })

    // Seven hours of supervision in 60, 90 and 120 minute sessions, waiting for the supervisor.
    for (const [heldOn, minutes] of [
      ['2026-02-02', '90'],
      ['2026-02-16', '90'],
      ['2026-03-02', '120'],
      ['2026-03-16', '60'],
      ['2026-03-30', '60'],
    ]) {
      await post(newSession, '/trainee/supervision/new', { held_on: heldOn, minutes, format: 'one_to_one', supervisor_id: String(supervisorId), client_ids: [String(first.id)] })
    }
    expect(await missing()).toEqual(['7 more hours of confirmed supervision (7 hours waiting for your supervisor to confirm)'])
    const supervision = (await readinessOnHome(cookie)).requirements.find((r) => r.key === 'supervision')
    expect(supervision).toMatchObject({ done: 0, pending: 420, required: 420, met: false })

    // The supervisor confirms (the oversight feature's work): Stage 1 is ready. AVIGuk asks for the
    // written reflection only before the Stage 3 accreditation meeting (ADR 0016).
    await db.updateTable('supervision_sessions').set({ status: 'confirmed', decided_by: supervisorId, decided_at: '2026-04-01T09:00:00.000Z' }).execute()
    const readiness = await readinessOnHome(cookie)
    expect(readiness).toMatchObject({ ready: true, missing: [] })
    expect(readiness.requirements.map((r) => [r.key, r.done, r.required])).toEqual([
      ['cycles', 7, 6],
      ['new_clients', 2, 2],
      ['supervision', 420, 420],
    ])
  })
})
