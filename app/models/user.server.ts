import type { Role } from '~db/schema'
import type { Db } from './db-types'

export interface SessionUser {
  id: number
  email: string
  name: string
  role: Role
  organisationId: number | null
}

export async function getActiveUserById(db: Db, id: number): Promise<SessionUser | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role', 'organisation_id as organisationId']).where('id', '=', id).where('deactivated_at', 'is', null).executeTakeFirst()
}

export async function findUserForSignIn(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash', 'deactivated_at']).where('email', '=', normaliseEmail(email)).executeTakeFirst()
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}
