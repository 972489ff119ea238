// Accounts: a programme lead adds a person, who is e-mailed a set-password link (and the lead is
// shown it once too, to pass on where no mail relay is set up). Anyone can ask for a reset link
// for their own address. Only a token's hash is stored; a link works once and expires.
// A lead manages only people of their programme's organisation, and only trainees, supervisors and
// accreditors: never leads or admins, whose accounts a link would otherwise let a lead take over.
import type { z } from 'zod'
import type { PersonSchema } from '~/schemas/person'
import { PERSON_ROLES } from '~/schemas/person'
import { nowInstant } from '~/utils/dates'
import { hashPassword } from '~/utils/password.server'
import { Refusal, isUniqueViolation } from '~/utils/refusal.server'
import { hashToken, newToken } from '~/utils/tokens.server'
import { appendAudit } from './audit.server'
import { programmeScope, type Viewer } from './access.server'
import type { Db } from './db-types'
import { sendInvitation, sendPasswordReset } from './notifications.server'
import { normaliseEmail } from './user.server'

export const PASSWORD_LINK_DAYS = 7
/** A reset link asked for from the sign-in page works for this long (short: it is e-mailed on request). */
export const RESET_LINK_MINUTES = 60
/** Reset e-mails for one address in any hour, however often it is asked for (no e-mail flood). */
export const RESETS_PER_HOUR = 3

export function setPasswordPath(token: string): string {
  return `/set-password/${token}`
}

async function ledProgrammeOrganisation(db: Db, viewer: Viewer, programmeId: number) {
  return db.selectFrom('programmes').select(['id', 'organisation_id']).where('id', '=', programmeId).where(programmeScope(viewer)).executeTakeFirst()
}

/** The programme organisation's trainees, supervisors and accreditors, and whether each can sign in. */
export async function listProgrammePeople(db: Db, viewer: Viewer, programmeId: number, now = new Date()) {
  const programme = await ledProgrammeOrganisation(db, viewer, programmeId)
  if (!programme) return undefined
  const at = nowInstant(now)
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.job_title',
      eb.case().when('users.password_hash', 'is not', null).then(1).else(0).end().as('has_password'),
      eb
        .selectFrom('password_tokens')
        .select((t) => t.fn.max('password_tokens.expires_at').as('expires_at'))
        .whereRef('password_tokens.user_id', '=', 'users.id')
        .where('password_tokens.used_at', 'is', null)
        .where('password_tokens.expires_at', '>', at)
        .as('link_expires_at'),
    ])
    .where('users.organisation_id', '=', programme.organisation_id)
    .where('users.role', 'in', [...PERSON_ROLES])
    .where('users.deactivated_at', 'is', null)
    .orderBy('users.role')
    .orderBy('users.name')
    .execute()
}

/** Adds a person to the programme's organisation; returns their one-time link token. */
export async function createPerson(trx: Db, viewer: Viewer, programmeId: number, input: z.output<typeof PersonSchema>, now = new Date()) {
  const programme = await ledProgrammeOrganisation(trx, viewer, programmeId)
  if (!programme) return undefined
  const email = normaliseEmail(input.email)
  let userId: number
  try {
    userId = (
      await trx
        .insertInto('users')
        .values({ email, name: input.name, role: input.role, job_title: input.jobTitle || null, organisation_id: programme.organisation_id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  } catch (error) {
    if (isUniqueViolation(error, 'users')) throw new Refusal('Someone with this email address already has an account', 'email')
    throw error
  }
  await appendAudit(trx, { actorId: viewer.id, action: 'user.created', entityType: 'user', entityId: userId, after: { email, name: input.name, role: input.role } })
  const token = await issueToken(trx, viewer, userId, now)
  await sendInvitation(trx, { userId, invitedBy: viewer.id, path: setPasswordPath(token), days: PASSWORD_LINK_DAYS }, now)
  return { userId, token }
}

/** A fresh link for someone of the programme's organisation; earlier unused links stop working. */
export async function issuePasswordLink(trx: Db, viewer: Viewer, programmeId: number, userId: number, now = new Date()) {
  const programme = await ledProgrammeOrganisation(trx, viewer, programmeId)
  if (!programme) return undefined
  const person = await trx
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', userId)
    .where('organisation_id', '=', programme.organisation_id)
    .where('role', 'in', [...PERSON_ROLES])
    .where('deactivated_at', 'is', null)
    .executeTakeFirst()
  if (!person) return undefined
  const token = await issueToken(trx, viewer, userId, now)
  await sendInvitation(trx, { userId, invitedBy: viewer.id, path: setPasswordPath(token), days: PASSWORD_LINK_DAYS }, now)
  return { userId, name: person.name, email: person.email, token }
}

/** A new link for `userId`; earlier unused links stop working. `viewer` null: the person asked themselves. */
async function issueToken(trx: Db, viewer: Viewer | null, userId: number, now: Date): Promise<string> {
  await trx.deleteFrom('password_tokens').where('user_id', '=', userId).where('used_at', 'is', null).execute()
  const token = newToken()
  const expires = new Date(now.getTime() + (viewer ? PASSWORD_LINK_DAYS * 24 * 60 : RESET_LINK_MINUTES) * 60 * 1000)
  await trx
    .insertInto('password_tokens')
    .values({
      user_id: userId,
      token_hash: hashToken(token),
      expires_at: nowInstant(expires),
      created_by: viewer?.id ?? null,
      created_at: nowInstant(now),
      purpose: viewer ? 'invitation' : 'reset',
    })
    .execute()
  await appendAudit(trx, {
    actorId: viewer?.id ?? userId,
    action: viewer ? 'user.password_link_issued' : 'user.password_reset_requested',
    entityType: 'user',
    entityId: userId,
    after: { expiresAt: nowInstant(expires) },
  })
  return token
}

/**
 * Someone asked for a reset link for `email` on the sign-in page. Records the request; when the
 * address belongs to an active account and has been asked for at most RESETS_PER_HOUR times in the
 * last hour, issues a RESET_LINK_MINUTES link and e-mails it. Returns nothing either way, so the
 * answer never says whether the address exists (or whether the request was throttled).
 */
export async function requestPasswordReset(trx: Db, email: string, now = new Date()): Promise<void> {
  const address = normaliseEmail(email)
  const hourAgo = nowInstant(new Date(now.getTime() - 60 * 60 * 1000))
  // Requests older than a day no longer count for anything.
  await trx
    .deleteFrom('password_reset_requests')
    .where('requested_at', '<', nowInstant(new Date(now.getTime() - 24 * 60 * 60 * 1000)))
    .execute()
  await trx
    .insertInto('password_reset_requests')
    .values({ email: address, requested_at: nowInstant(now) })
    .execute()
  const recent = await trx
    .selectFrom('password_reset_requests')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('email', '=', address)
    .where('requested_at', '>', hourAgo)
    .executeTakeFirstOrThrow()
  if (Number(recent.count) > RESETS_PER_HOUR) return
  const user = await trx.selectFrom('users').select('id').where('email', '=', address).where('deactivated_at', 'is', null).executeTakeFirst()
  if (!user) return
  const token = await issueToken(trx, null, user.id, now)
  await sendPasswordReset(trx, { userId: user.id, path: setPasswordPath(token), minutes: RESET_LINK_MINUTES }, now)
}

/** The person a link is for, while it is unused and unexpired; undefined for any other token. */
export async function findPasswordLink(db: Db, token: string, now = new Date()) {
  return db
    .selectFrom('password_tokens')
    .innerJoin('users', 'users.id', 'password_tokens.user_id')
    .select(['password_tokens.id', 'users.id as user_id', 'users.name', 'users.email'])
    .where('password_tokens.token_hash', '=', hashToken(token))
    .where('password_tokens.used_at', 'is', null)
    .where('password_tokens.expires_at', '>', nowInstant(now))
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst()
}

/** Sets the password through a link and uses the link up; false when the link is not valid. */
export async function setPasswordWithLink(trx: Db, token: string, password: string, now = new Date()): Promise<{ email: string } | undefined> {
  const link = await findPasswordLink(trx, token, now)
  if (!link) return undefined
  const used = await trx
    .updateTable('password_tokens')
    .set({ used_at: nowInstant(now) })
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  if (used.numUpdatedRows !== 1n) return undefined
  await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), failed_logins: 0, last_failed_login_at: null })
    .where('id', '=', link.user_id)
    .execute()
  // Whoever held the old password is signed out everywhere.
  await trx.deleteFrom('sessions').where('user_id', '=', link.user_id).execute()
  await appendAudit(trx, { actorId: link.user_id, action: 'user.password_set', entityType: 'user', entityId: link.user_id })
  return { email: link.email }
}
