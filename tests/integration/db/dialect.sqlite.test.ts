import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/utils/db.server'

describe('sqlite3 dialect', () => {
  it('reads, and writes with returning', async () => {
    const db = await getDb()
    const inserted = await db.insertInto('organisations').values({ name: 'Trust A' }).returning(['id', 'name']).executeTakeFirstOrThrow()
    expect(inserted.name).toBe('Trust A')
    const read = await db.selectFrom('organisations').selectAll().where('id', '=', inserted.id).executeTakeFirstOrThrow()
    expect(read.name).toBe('Trust A')
    expect(read.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('reports insert ids and affected row counts', async () => {
    const db = await getDb()
    const first = await db.insertInto('organisations').values({ name: 'One' }).executeTakeFirstOrThrow()
    const second = await db.insertInto('organisations').values({ name: 'Two' }).executeTakeFirstOrThrow()
    expect(Number(second.insertId)).toBe(Number(first.insertId) + 1)
    const updated = await db
      .updateTable('organisations')
      .set({ name: sql`name || '!'` })
      .executeTakeFirstOrThrow()
    expect(updated.numUpdatedRows).toBe(2n)
    const deleted = await db.deleteFrom('organisations').where('name', '=', 'One!').executeTakeFirstOrThrow()
    expect(deleted.numDeletedRows).toBe(1n)
  })

  it('commits a transaction', async () => {
    const db = await getDb()
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ name: 'Committed' }).execute()
    })
    expect(await db.selectFrom('organisations').select('name').execute()).toEqual([{ name: 'Committed' }])
  })

  it('rolls back everything when a transaction throws', async () => {
    const db = await getDb()
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('organisations').values({ name: 'Half-written' }).execute()
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.selectFrom('organisations').select('name').execute()).toEqual([])
  })

  it('enforces foreign keys', async () => {
    const db = await getDb()
    await expect(db.insertInto('programmes').values({ organisation_id: 999, name: 'Orphan', started_on: '2026-01-01', funding_ends_on: '2027-01-01' }).execute()).rejects.toThrow(
      /FOREIGN KEY/,
    )
  })

  it('runs in WAL mode with a busy timeout', async () => {
    const db = await getDb()
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)
    expect(rows[0].journal_mode).toBe('wal')
    const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)
    expect(timeout.rows[0].timeout).toBeGreaterThanOrEqual(1000)
  })

  it('serialises 20 concurrent transactions without losing a write', async () => {
    const db = await getDb()
    const { id } = await db.insertInto('organisations').values({ name: 'Counter' }).returning('id').executeTakeFirstOrThrow()
    await db.insertInto('programmes').values({ organisation_id: id, name: 'P', started_on: '2026-01-01', funding_ends_on: '2027-01-01', budget_pence: 0 }).execute()
    // Read-modify-write in each transaction: without serialisation, increments would be lost.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          const row = await trx.selectFrom('programmes').select('budget_pence').executeTakeFirstOrThrow()
          await new Promise((resolve) => setTimeout(resolve, 1))
          await trx
            .updateTable('programmes')
            .set({ budget_pence: row.budget_pence + 1 })
            .execute()
        }),
      ),
    )
    const { budget_pence } = await db.selectFrom('programmes').select('budget_pence').executeTakeFirstOrThrow()
    expect(budget_pence).toBe(20)
  })

  it('reads on reader connections while a transaction holds the writer, seeing only committed rows', async () => {
    const db = await getDb()
    await db.insertInto('organisations').values({ name: 'Committed' }).execute()
    let finish!: () => void
    const held = new Promise<void>((resolve) => (finish = resolve))
    let inserted!: () => void
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve))
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('organisations').values({ name: 'Not yet committed' }).execute()
      inserted()
      await held
    })
    await insertedYet
    // With one connection this read would wait for the transaction, which waits for the test: a hang.
    expect(await db.selectFrom('organisations').select('name').execute()).toEqual([{ name: 'Committed' }])
    finish()
    await transaction
    expect(await db.selectFrom('organisations').select('name').orderBy('name').execute()).toEqual([{ name: 'Committed' }, { name: 'Not yet committed' }])
  })

  it('refuses a Date parameter instead of silently storing milliseconds', async () => {
    const db = await getDb()
    await expect(
      db
        .insertInto('organisations')
        .values({ name: 'When', created_at: new Date() as unknown as string })
        .execute(),
    ).rejects.toThrow(/ISO text/)
  })
})
