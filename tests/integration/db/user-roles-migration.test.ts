// migration 0111 (ADR 0018): every existing account keeps the role it had, now as a row of
// user_roles; users.role is gone. Down and up on the suite's own database (SQLite and PostgreSQL).
import { Migrator, type Generated, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrationProvider } from '~db/migrations'
import { getDb } from '~/utils/db.server'

/** The tables this test touches, as they are on either side of migration 0111. */
interface Tables {
  users: { id: Generated<number>; email: string; name: string; role?: string }
  user_roles: { user_id: number; role: string }
}

describe('migration 0111: roles as a set', () => {
  it('moves each account’s one role into user_roles, and back when undone', async () => {
    const db = (await getDb()) as unknown as Kysely<Tables>
    const migrator = new Migrator({ db, provider: migrationProvider })
    expect((await migrator.migrateTo('2026-11-29-0018-provisional-next-stages')).error).toBeUndefined()
    const before = await db
      .insertInto('users')
      .values((['trainee', 'supervisor', 'accreditor', 'lead', 'admin'] as const).map((role, i) => ({ email: `${role}.${i}@before.attune.test`, name: `Before ${role}`, role })))
      .returning(['id', 'role'])
      .execute()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()

    const ids = before.map((u) => u.id)
    const roles = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).orderBy('user_id').execute()
    expect(roles).toEqual(before.map((u) => ({ user_id: u.id, role: u.role })))
    const users = (await db.introspection.getTables()).find((t) => t.name === 'users')!
    expect(users.columns.map((c) => c.name)).not.toContain('role')

    // A second role for the supervisor; undone, each person keeps the first of theirs in the app's order.
    const supervisor = before.find((u) => u.role === 'supervisor')!
    await db.insertInto('user_roles').values({ user_id: supervisor.id, role: 'accreditor' }).execute()
    expect((await migrator.migrateTo('2026-11-29-0018-provisional-next-stages')).error).toBeUndefined()
    const after = await db.selectFrom('users').select(['id', 'role']).where('id', 'in', ids).orderBy('id').execute()
    expect(after).toEqual(before)
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
  })
})
