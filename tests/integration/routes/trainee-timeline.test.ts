import { describe, expect, it } from 'vitest'
import { seedDemoData } from '~db/seed'
import { DEMO_PASSWORD } from '~db/seed/demo'
import { getRequest, run, signInCookie } from '../../http'
import { loader } from '~/routes/trainee.timeline'
import { getDb } from '~/utils/db.server'

// The demo trainee, Amira Khan, in Stage 2 with Stage 1 signed off.
async function timeline(query = '') {
  const db = await getDb()
  await seedDemoData(db, '2026-11-24')
  const cookie = await signInCookie('trainee@demo.attune.test', DEMO_PASSWORD)
  return async (q = query) => (await (await run(loader, getRequest(`/trainee/timeline${q}`, cookie), {})).json()) as Awaited<ReturnType<Awaited<ReturnType<typeof loader>>['json']>>
}

describe('the trainee’s timeline filters', () => {
  it('keeps one stage and one type of record, on the server', async () => {
    const open = await timeline()
    const all = await open()
    expect(all.filter).toEqual({ stage: null, kind: null })
    expect(new Set(all.entries.map((e) => e.kind))).toEqual(new Set(['client', 'cycle', 'session', 'reflection']))
    expect(all.stages.map((s) => s.name)).toEqual(['Initial Training Course', 'Stage 1', 'Stage 2', 'Stage 3'])

    const cycles = await open('?kind=cycle')
    expect(cycles.entries.length).toBeGreaterThan(0)
    expect(cycles.entries.every((e) => e.kind === 'cycle')).toBe(true)
    expect(cycles.entries).toHaveLength(all.entries.filter((e) => e.kind === 'cycle').length)

    // Stage 1 is signed off: all its records are read-only, and clients (no stage) are left out.
    const stage1 = await open('?stage=1')
    expect(stage1.entries.length).toBeGreaterThan(0)
    expect(stage1.entries.every((e) => e.kind !== 'client' && e.lockedReason !== null)).toBe(true)
    const stage2Sessions = await open('?stage=2&kind=session')
    expect(stage2Sessions.entries.length).toBeGreaterThan(0)
    expect(stage2Sessions.entries.every((e) => e.kind === 'session' && e.lockedReason === null)).toBe(true)
  })

  it('shows everything for filters it cannot read', async () => {
    const open = await timeline()
    const odd = await open('?stage=x&kind=secrets')
    expect(odd.filter).toEqual({ stage: null, kind: null })
    expect(odd.entries).toHaveLength((await open()).entries.length)
  })
})
