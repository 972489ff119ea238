import type { Role } from '../../db/schema'
import type { Db } from './db-types'

export interface SessionUser {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number | null
}

export async function getActiveUserById(db: Db, id: number): Promise<SessionUser | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'organisation_id as organisationId'])
    .where('id', '=', id)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst()
}

export async function findUserForSignIn(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'failed_logins', 'last_failed_login_at', 'deactivated_at'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst()
}

export async function recordFailedSignIn(db: Db, userId: number, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1), last_failed_login_at: at }))
    .where('id', '=', userId)
    .execute()
}

export async function recordSuccessfulSignIn(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, last_failed_login_at: null }).where('id', '=', userId).execute()
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}
