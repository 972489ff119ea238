// PostgreSQL through db/postgres.ts behaves as the SQLite dialect does, and fails safely.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '~db/connection'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { createOrganisation } from '../../factories'

const unavailable = () => new Response('try again', { status: 503 })

describe('PostgreSQL dialect', () => {
  it('gives identity ids, ISO instants by default, and counts and sums as numbers', async () => {
    const db = await getDb()
    const first = await createOrganisation(db, 'Trust A')
    const second = await createOrganisation(db, 'Trust B')
    expect(second.id).toBe(first.id + 1)
    const read = await db.selectFrom('organisations').select('created_at').where('id', '=', first.id).executeTakeFirstOrThrow()
    expect(read.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    const totals = await db
      .selectFrom('organisations')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('id').as('ids')])
      .executeTakeFirstOrThrow()
    expect(totals).toEqual({ n: 2, ids: first.id + second.id })
  })

  it('stores booleans as 0/1 integers and refuses Dates, as on SQLite', async () => {
    const db = await getDb()
    const { id } = await db
      .insertInto('principles')
      .values({ position: 99, name: 'Test principle', active: false as unknown as 0 })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect((await db.selectFrom('principles').select('active').where('id', '=', id).executeTakeFirstOrThrow()).active).toBe(0)
    await expect(
      db
        .insertInto('organisations')
        .values({ name: 'When', created_at: new Date() as unknown as string })
        .execute(),
    ).rejects.toThrow(/ISO text/)
  })

  it('serialises 20 concurrent read-modify-write transactions without losing a write', async () => {
    const db = await getDb()
    const { id } = await createOrganisation(db)
    await db.insertInto('programmes').values({ organisation_id: id, name: 'P', started_on: '2026-01-01', funding_ends_on: '2027-01-01', budget_pence: 0 }).execute()
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
    expect((await db.selectFrom('programmes').select('budget_pence').executeTakeFirstOrThrow()).budget_pence).toBe(20)
  })

  it('answers 503 when the server cannot be reached', async () => {
    const nowhere = openDatabase('postgres://postgres@127.0.0.1:1/attune', { onUnavailable: unavailable })
    const failure = await nowhere
      .selectFrom('organisations')
      .select('id')
      .execute()
      .catch((error) => error)
    expect(failure).toBeInstanceOf(Response)
    expect(failure.status).toBe(503)
    await nowhere.destroy()
  })

  it('loses a transaction cut off half-way, answers 503, and recovers on the next query', async () => {
    const db = openDatabase(env.DATABASE_URL!, { onUnavailable: unavailable })
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('organisations').values({ name: 'Half-written' }).execute()
        // The server ends this connection, as a restart or a network cut would.
        await sql`select pg_terminate_backend(pg_backend_pid())`.execute(trx)
      })
      .catch((error) => error)
    expect(failure).toBeInstanceOf(Response)
    expect(failure.status).toBe(503)
    expect(await db.selectFrom('organisations').select('name').execute()).toEqual([])
    await db.destroy()
  })
})
