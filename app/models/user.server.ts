import type { ExpressionBuilder } from 'kysely'
import type { DB, Role } from '~db/schema'
import { sortRoles } from '~/utils/roles'
import type { Db } from './db-types'

export interface SessionUser {
  id: number
  email: string
  name: string
  /** Every role the person holds, in ROLE_ORDER (never empty). */
  roles: Role[]
  organisationId: number | null
}

/** The signed-in person with their roles; undefined when there is no such active account. */
export async function getActiveUserById(db: Db, id: number): Promise<SessionUser | undefined> {
  const user = await db.selectFrom('users').select(['id', 'email', 'name', 'organisation_id as organisationId']).where('id', '=', id).where('deactivated_at', 'is', null).executeTakeFirst()
  if (!user) return undefined
  return { ...user, roles: await rolesOfUser(db, id) }
}

/** The roles `userId` holds, in ROLE_ORDER. */
export async function rolesOfUser(db: Db, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()
  return sortRoles(rows.map((r) => r.role))
}

/** The roles of each of `userIds`, in ROLE_ORDER (people with none are left out). */
export async function rolesOfUsers(db: Db, userIds: readonly number[]): Promise<Map<number, Role[]>> {
  const rows = userIds.length
    ? await db
        .selectFrom('user_roles')
        .select(['user_id', 'role'])
        .where('user_id', 'in', [...userIds])
        .execute()
    : []
  const byUser = new Map<number, Role[]>()
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.role])
  for (const [id, roles] of byUser) byUser.set(id, sortRoles(roles))
  return byUser
}

/** A WHERE clause over `users`: people holding any of `roles` (user_roles, ADR 0018). */
export function holdingRole(...roles: Role[]) {
  return (eb: ExpressionBuilder<DB, 'users'>) =>
    eb.exists(eb.selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', 'in', roles))
}

export async function findUserForSignIn(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash', 'deactivated_at']).where('email', '=', normaliseEmail(email)).executeTakeFirst()
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}
