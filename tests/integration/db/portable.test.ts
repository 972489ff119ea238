// The few SQL differences between SQLite and PostgreSQL, each behind one function in db/portable.ts.
import { describe, expect, it } from 'vitest'
import { containsText, isUniqueViolation, unlessDuplicate } from '~db/portable'
import { getDb } from '~/utils/db.server'
import { createOrganisation } from '../../factories'

describe('portable SQL', () => {
  it('recognises a unique-constraint failure on the right table only', async () => {
    const db = await getDb()
    await createOrganisation(db, 'Same name')
    const error = await createOrganisation(db, 'Same name').catch((e) => e)
    expect(isUniqueViolation(error, 'organisations')).toBe(true)
    expect(isUniqueViolation(error, 'users')).toBe(false)
    expect(isUniqueViolation(new Error('something else'), 'organisations')).toBe(false)
  })

  it('lets a transaction carry on after a refused duplicate, keeping what came before', async () => {
    const db = await getDb()
    const outcome = await db.transaction().execute(async (trx) => {
      await createOrganisation(trx, 'Before')
      const first = await unlessDuplicate(trx, 'organisations', () => createOrganisation(trx, 'Twice'))
      const second = await unlessDuplicate(trx, 'organisations', () => createOrganisation(trx, 'Twice'))
      const after = await createOrganisation(trx, 'After')
      return { first: first?.name, second, after: after.name }
    })
    expect(outcome).toEqual({ first: 'Twice', second: undefined, after: 'After' })
    expect((await db.selectFrom('organisations').select('name').orderBy('name').execute()).map((o) => o.name)).toEqual(['After', 'Before', 'Twice'])
  })

  it('rethrows other failures from unlessDuplicate', async () => {
    const db = await getDb()
    await expect(
      unlessDuplicate(db, 'organisations', () =>
        db.insertInto('programmes').values({ organisation_id: 999_999, name: 'Orphan', started_on: '2026-01-01', funding_ends_on: '2027-01-01' }).execute(),
      ),
    ).rejects.toThrow()
  })

  it('matches text case-insensitively, taking % and _ literally', async () => {
    const db = await getDb()
    for (const name of ['Northfield Trust', 'NORTHFIELD east', 'Southfield', '100% Trust', '100 Trust']) await createOrganisation(db, name)
    const search = async (text: string) =>
      (
        await db
          .selectFrom('organisations')
          .select('name')
          .where((eb) => containsText(eb, eb.ref('name'), text))
          .orderBy('name')
          .execute()
      ).map((o) => o.name)
    expect(await search('northfield')).toEqual(['NORTHFIELD east', 'Northfield Trust'])
    expect(await search('0%')).toEqual(['100% Trust'])
    expect(await search('_')).toEqual([])
  })
})
