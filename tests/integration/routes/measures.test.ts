import { describe, expect, it } from 'vitest'
import { createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { refusal } from '../trainee/context'
import { action as measuresAction, loader as measuresPage } from '~/routes/measures'
import { getDb } from '~/utils/db.server'

const measure = { intent: 'add', name: 'Keys to Interactive Parenting', construct: 'sensitivity', min_score: '1', max_score: '5', direction: 'higher' }

describe('outcome measures as data', () => {
  it('a lead adds a measure; a used name or an upside-down range is refused beside its field', async () => {
    const db = await getDb()
    const lead = await signInCookie((await createUser(db, 'lead')).email)
    expect((await run(measuresAction, formRequest('/measures', measure, lead))).status).toBe(302)
    expect(
      await db.selectFrom('outcome_measures').select(['construct', 'min_score', 'max_score', 'higher_is_better', 'has_follow_up']).where('name', '=', measure.name).executeTakeFirst(),
    ).toEqual({
      construct: 'sensitivity',
      min_score: 1,
      max_score: 5,
      higher_is_better: 1,
      has_follow_up: 0,
    })
    expect((await refusal(await run(measuresAction, formRequest('/measures', measure, lead)))).fieldErrors).toEqual({ name: 'There is already a measure with this name' })
    const upsideDown = await refusal(await run(measuresAction, formRequest('/measures', { ...measure, name: 'Another', min_score: '10', max_score: '4' }, lead)))
    expect(upsideDown.fieldErrors).toEqual({ max_score: 'The highest possible score must be more than the lowest' })
    expect(upsideDown.values.min_score).toBe('10')
  })

  it('is for leads and admins only', async () => {
    const db = await getDb()
    const admin = await signInCookie((await createUser(db, 'admin')).email)
    const trainee = await signInCookie((await createUser(db, 'trainee')).email)
    const page = await (await run(measuresPage, getRequest('/measures', admin))).json()
    expect(page.measures.map((m: { name: string }) => m.name)).toContain('Parenting Stress Index, Short Form (PSI-SF)')
    expect((await run(measuresPage, getRequest('/measures', trainee))).status).toBe(403)
    expect((await run(measuresAction, formRequest('/measures', measure, trainee))).status).toBe(403)
  })
})
