// Accounts: a programme lead adds a person, who is e-mailed a set-password link (and the lead is
// shown it once too, to pass on where no mail relay is set up). Anyone can ask for a reset link
// for their own address. Only a token's hash is stored; a link works once and expires.
// A person holds one or several roles (ADR 0018). A lead manages only people of their own
// organisation, and only trainees, supervisors and accreditors: never leads or admins, whose
// accounts a link would otherwise let a lead take over (managedPeopleScope). An admin manages anyone.
import type { z } from 'zod'
import type { Role } from '~db/schema'
import { unlessDuplicate } from '~db/portable'
import type { EditPersonInput, OrganisationPersonInput, PersonSchema } from '~/schemas/person'
import { nowInstant } from '~/utils/dates'
import { hashPassword } from '~/utils/password.server'
import { Refusal } from '~/utils/refusal.server'
import { ROLE_LABEL, sortRoles } from '~/utils/roles'
import { hashToken, newToken } from '~/utils/tokens.server'
import { appendAudit } from './audit.server'
import { managedPeopleScope, organisationScope, programmeScope, rolesGivenBy, type Viewer } from './access.server'
import type { Db } from './db-types'
import { sendInvitation, sendPasswordReset } from './notifications.server'
import { normaliseEmail, rolesOfUser, rolesOfUsers } from './user.server'

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

/** The organisation `organisationId` when `viewer` manages its people (organisationScope); else undefined. */
export async function findManagedOrganisation(db: Db, viewer: Viewer, organisationId: number) {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '=', organisationId).where(organisationScope(viewer)).executeTakeFirst()
}

/**
 * The organisation's people `viewer` manages (managedPeopleScope), each with their roles (in
 * ROLE_ORDER), whether they can sign in, until when an unused link works, and whether they are
 * deactivated. `active` false includes deactivated people (listed last). Undefined when the
 * viewer does not manage the organisation.
 */
export async function listOrganisationPeople(db: Db, viewer: Viewer, organisationId: number, options: { includeDeactivated?: boolean } = {}, now = new Date()) {
  const organisation = await findManagedOrganisation(db, viewer, organisationId)
  if (!organisation) return undefined
  const at = nowInstant(now)
  let query = db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.name',
      'users.email',
      'users.job_title',
      'users.deactivated_at',
      eb.case().when('users.password_hash', 'is not', null).then(1).else(0).end().as('has_password'),
      eb
        .selectFrom('password_tokens')
        .select((t) => t.fn.max('password_tokens.expires_at').as('expires_at'))
        .whereRef('password_tokens.user_id', '=', 'users.id')
        .where('password_tokens.used_at', 'is', null)
        .where('password_tokens.expires_at', '>', at)
        .as('link_expires_at'),
    ])
    .where('users.organisation_id', '=', organisation.id)
    .where(managedPeopleScope(viewer))
  if (!options.includeDeactivated) query = query.where('users.deactivated_at', 'is', null)
  const people = await query.orderBy('users.name').orderBy('users.id').execute()
  const roles = await rolesOfUsers(
    db,
    people.map((p) => p.id),
  )
  const listed = people.map((p) => ({ ...p, roles: roles.get(p.id) ?? [] }))
  return { organisation, people: [...listed.filter((p) => !p.deactivated_at), ...listed.filter((p) => p.deactivated_at)] }
}

/** The programme organisation's trainees, supervisors and accreditors the viewer manages, and whether each can sign in. */
export async function listProgrammePeople(db: Db, viewer: Viewer, programmeId: number, now = new Date()) {
  const programme = await ledProgrammeOrganisation(db, viewer, programmeId)
  if (!programme) return undefined
  return (await listOrganisationPeople(db, viewer, programme.organisation_id, {}, now))?.people
}

/** Refuses roles the viewer may not give (rolesGivenBy): a lead never makes a lead or an admin. */
function refuseRolesNotGiven(viewer: Viewer, roles: readonly Role[]) {
  const allowed = rolesGivenBy(viewer)
  const refused = roles.filter((r) => !allowed.includes(r))
  if (refused.length) throw new Refusal(`Only an administrator can make someone ${refused.map((r) => ROLE_LABEL[r].toLowerCase()).join(' or ')}`, 'roles')
}

/**
 * Adds a person with one or several roles to an organisation the viewer manages, e-mails them a
 * one-time set-password link and returns its token (the route shows it where no relay is set up).
 * Undefined when the viewer does not manage the organisation; a Refusal for a taken e-mail address
 * or a role the viewer may not give. Audited.
 */
export async function addPerson(trx: Db, viewer: Viewer, organisationId: number, input: OrganisationPersonInput, now = new Date()) {
  const organisation = await findManagedOrganisation(trx, viewer, organisationId)
  if (!organisation) return undefined
  refuseRolesNotGiven(viewer, input.roles)
  const email = normaliseEmail(input.email)
  const roles = sortRoles(input.roles)
  const created = await unlessDuplicate(trx, 'users', () =>
    trx
      .insertInto('users')
      .values({ email, name: input.name, job_title: input.jobTitle || null, organisation_id: organisation.id })
      .returning('id')
      .executeTakeFirstOrThrow(),
  )
  if (!created) throw new Refusal('Someone with this email address already has an account', 'email')
  const userId = created.id
  await trx
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute()
  await appendAudit(trx, { actorId: viewer.id, action: 'user.created', entityType: 'user', entityId: userId, after: { email, name: input.name, roles, organisationId: organisation.id } })
  const token = await issueToken(trx, viewer, userId, now)
  await sendInvitation(trx, { userId, invitedBy: viewer.id, path: setPasswordPath(token), days: PASSWORD_LINK_DAYS }, now)
  return { userId, token }
}

/** Adds a person to the programme's organisation with one role (the programme's People page); returns their one-time link token. */
export async function createPerson(trx: Db, viewer: Viewer, programmeId: number, input: z.output<typeof PersonSchema>, now = new Date()) {
  const programme = await ledProgrammeOrganisation(trx, viewer, programmeId)
  if (!programme) return undefined
  return addPerson(trx, viewer, programme.organisation_id, { name: input.name, email: input.email, jobTitle: input.jobTitle, roles: [input.role] }, now)
}

/** A person of an organisation the viewer manages (managedPeopleScope), with their roles; undefined otherwise. */
export async function findManagedPerson(db: Db, viewer: Viewer, organisationId: number, userId: number) {
  const organisation = await findManagedOrganisation(db, viewer, organisationId)
  const person = organisation && (await managedPerson(db, viewer, organisationId, userId))
  return person && { organisation, person }
}

/** A person of `organisationId` the viewer manages, with their roles; undefined otherwise. */
async function managedPerson(db: Db, viewer: Viewer, organisationId: number, userId: number) {
  const person = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'job_title', 'deactivated_at'])
    .where('id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where(managedPeopleScope(viewer))
    .executeTakeFirst()
  return person && { ...person, roles: await rolesOfUser(db, person.id) }
}

/**
 * Why a role cannot be taken away from `userId` now, or null: someone still supervising, accrediting
 * or training on an active enrolment keeps that role until the lead reassigns or closes it.
 */
async function roleInUse(db: Db, userId: number, role: Role, keeps: readonly Role[]): Promise<string | null> {
  const active = (column: 'supervisor_id' | 'external_accreditor_id' | 'trainee_id') =>
    db
      .selectFrom('enrolments')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where(column, '=', userId)
      .where('status', 'in', ['active', 'paused'])
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.count))
  if (role === 'supervisor') {
    const n = await active('supervisor_id')
    // Accredited supervisors also act as external accreditors (ADR 0007).
    const accrediting = keeps.includes('accreditor') ? 0 : await active('external_accreditor_id')
    if (n) return `They still supervise ${n} trainee${n === 1 ? '' : 's'}: give ${n === 1 ? 'that trainee' : 'them'} another supervisor first`
    if (accrediting) return `They are still the external accreditor of ${accrediting} trainee${accrediting === 1 ? '' : 's'}: change the accreditor first`
  }
  if (role === 'accreditor' && !keeps.includes('supervisor')) {
    const n = await active('external_accreditor_id')
    if (n) return `They are still the external accreditor of ${n} trainee${n === 1 ? '' : 's'}: change the accreditor first`
  }
  if (role === 'trainee') {
    const n = await active('trainee_id')
    if (n) return 'They are still in training on a programme: withdraw the enrolment first'
  }
  return null
}

/**
 * Changes a person's name, job title and roles. Undefined when the viewer does not manage them; a
 * Refusal for a role the viewer may not give or take, taking away a role still in use (roleInUse),
 * or an admin taking away their own admin role. Audited with before and after.
 */
export async function updatePerson(trx: Db, viewer: Viewer, organisationId: number, input: EditPersonInput): Promise<true | undefined> {
  if (!(await findManagedOrganisation(trx, viewer, organisationId))) return undefined
  const person = await managedPerson(trx, viewer, organisationId, input.userId)
  if (!person) return undefined
  const roles = sortRoles(input.roles)
  const added = roles.filter((r) => !person.roles.includes(r))
  const removed = person.roles.filter((r) => !roles.includes(r))
  refuseRolesNotGiven(viewer, [...added, ...removed])
  if (person.id === viewer.id && removed.includes('admin')) throw new Refusal('You cannot take away your own administrator role: ask another administrator', 'roles')
  for (const role of removed) {
    const why = await roleInUse(trx, person.id, role, roles)
    if (why) throw new Refusal(`${ROLE_LABEL[role]}: ${why}`, 'roles')
  }
  await trx
    .updateTable('users')
    .set({ name: input.name, job_title: input.jobTitle || null })
    .where('id', '=', person.id)
    .execute()
  if (removed.length) await trx.deleteFrom('user_roles').where('user_id', '=', person.id).where('role', 'in', removed).execute()
  if (added.length)
    await trx
      .insertInto('user_roles')
      .values(added.map((role) => ({ user_id: person.id, role })))
      .execute()
  await appendAudit(trx, {
    actorId: viewer.id,
    action: 'user.updated',
    entityType: 'user',
    entityId: person.id,
    before: { name: person.name, jobTitle: person.job_title, roles: person.roles },
    after: { name: input.name, jobTitle: input.jobTitle || null, roles },
  })
  return true
}

/**
 * Deactivates a person (they cannot sign in and are signed out everywhere; their records stay) or
 * lets them sign in again. Undefined when the viewer does not manage them; a Refusal for the
 * viewer's own account or a change already made. Audited.
 */
export async function setPersonActive(trx: Db, viewer: Viewer, organisationId: number, userId: number, active: boolean, now = new Date()): Promise<{ name: string } | undefined> {
  if (!(await findManagedOrganisation(trx, viewer, organisationId))) return undefined
  const person = await managedPerson(trx, viewer, organisationId, userId)
  if (!person) return undefined
  if (person.id === viewer.id) throw new Refusal('You cannot deactivate your own account')
  if ((person.deactivated_at === null) === active) throw new Refusal(active ? `${person.name} can already sign in` : `${person.name} is already deactivated`)
  await trx
    .updateTable('users')
    .set({ deactivated_at: active ? null : nowInstant(now) })
    .where('id', '=', person.id)
    .execute()
  if (!active) {
    await trx.deleteFrom('sessions').where('user_id', '=', person.id).execute()
    await trx.deleteFrom('password_tokens').where('user_id', '=', person.id).where('used_at', 'is', null).execute()
  }
  await appendAudit(trx, { actorId: viewer.id, action: active ? 'user.reactivated' : 'user.deactivated', entityType: 'user', entityId: person.id })
  return { name: person.name }
}

/** A fresh link for an active person of `organisationId` the viewer manages; earlier unused links stop working. */
export async function issueOrganisationPasswordLink(trx: Db, viewer: Viewer, organisationId: number, userId: number, now = new Date()) {
  if (!(await findManagedOrganisation(trx, viewer, organisationId))) return undefined
  const person = await managedPerson(trx, viewer, organisationId, userId)
  if (!person || person.deactivated_at) return undefined
  const token = await issueToken(trx, viewer, userId, now)
  await sendInvitation(trx, { userId, invitedBy: viewer.id, path: setPasswordPath(token), days: PASSWORD_LINK_DAYS }, now)
  return { userId, name: person.name, email: person.email, token }
}

/** A fresh link for someone of the programme's organisation; earlier unused links stop working. */
export async function issuePasswordLink(trx: Db, viewer: Viewer, programmeId: number, userId: number, now = new Date()) {
  const programme = await ledProgrammeOrganisation(trx, viewer, programmeId)
  if (!programme) return undefined
  return issueOrganisationPasswordLink(trx, viewer, programme.organisation_id, userId, now)
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
