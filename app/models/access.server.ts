// Who may reach what: every access rule of the app, in one place (ADR 0009). Each scope is a WHERE
// clause (a Kysely ExpressionBuilder helper), so a record outside it is never fetched at all, and a
// model that finds nothing answers undefined (the route's 404). Models call these inside their
// queries; nothing else spells out `supervisor_id = ?` or `programme_leads` for access.
//
// - A trainee reaches their own enrolments and clients.
// - A supervisor reaches the enrolments they supervise (enrolments.supervisor_id).
// - An external accreditor reaches the enrolments allocated to them, never ones they supervise;
//   accredited supervisors act as external accreditors for other supervisors' trainees (ADR 0007).
// - A programme lead reaches the programmes they lead (programme_leads) and their enrolments.
// - An admin reaches every programme as its lead would, and so every enrolment; an admin never acts
//   as anyone's trainee, supervisor or accreditor (those decisions belong to the person allocated).
//
// Scopes are decided per role and OR-ed over `rolesOf(viewer)`: a person holding several roles (ADR
// 0018) reaches what each of their roles reaches, and no more. Conflicts across roles are excluded in
// the scopes too: nobody supervises or accredits their own enrolment, nor accredits their own supervisee.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { DB, Role } from '~db/schema'
import { ALL_ROLES, PERSON_ROLES } from '~/schemas/person'

/** The person asking: their user id and the roles they hold (the session user fits). */
export interface Viewer {
  id: number
  roles: readonly Role[]
}

/** A WHERE clause over `table`, as `.where(...)` takes it. */
export type Scope<T extends keyof DB> = (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>
export type EnrolmentScope = Scope<'enrolments'>

/** The roles the viewer holds (a set: user_roles, ADR 0018). */
export function rolesOf(viewer: Viewer): readonly Role[] {
  return viewer.roles
}

/** Whether the viewer holds any of `roles` (for what a page offers; access itself is in the WHERE). */
export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return rolesOf(viewer).some((role) => roles.includes(role))
}

/** Roles that run programmes: the pages under /lead, programme reports, exports and certificates zips. */
export const PROGRAMME_ROLES = ['lead', 'admin'] as const satisfies readonly Role[]

/** Roles that oversee a trainee's record: raise and close concerns on its flags, read its audit trail. */
export const OVERSIGHT_ROLES = ['lead', 'supervisor', 'admin'] as const satisfies readonly Role[]

const everything = <T extends keyof DB>(eb: ExpressionBuilder<DB, T>) => eb.and([])
const nothing = <T extends keyof DB>(eb: ExpressionBuilder<DB, T>) => eb.or([])

/** The programmes `viewer` runs: a lead those they lead, an admin every one. */
export function programmeScope(viewer: Viewer): Scope<'programmes'> {
  return (eb) =>
    eb.or(
      rolesOf(viewer).map((role) => {
        switch (role) {
          case 'lead':
            return eb('programmes.id', 'in', eb.selectFrom('programme_leads').select('programme_leads.programme_id').where('programme_leads.user_id', '=', viewer.id))
          case 'admin':
            return everything(eb)
          default:
            return nothing(eb)
        }
      }),
    )
}

/** Enrolments on the programmes `viewer` runs (programmeScope): a lead's or an admin's decisions. */
export function programmeEnrolmentScope(viewer: Viewer): EnrolmentScope {
  return (eb) => eb('enrolments.programme_id', 'in', eb.selectFrom('programmes').select('programmes.id').where(programmeScope(viewer)))
}

/** The trainee's own enrolments. */
export function ownEnrolments(traineeId: number): EnrolmentScope {
  return (eb) => eb('enrolments.trainee_id', '=', traineeId)
}

/** The trainee's own clients (clients belong to the trainee, not to one enrolment). */
export function ownClients(traineeId: number): Scope<'clients'> {
  return (eb) => eb('clients.trainee_id', '=', traineeId)
}

/**
 * The enrolments `viewer` supervises: the supervisor's decisions (sessions, feedback, meetings,
 * sign-off). Never their own enrolment as a trainee (belt and braces over the models' refusal).
 */
export function supervisedBy(viewer: Viewer): EnrolmentScope {
  return (eb) => eb.and([eb('enrolments.supervisor_id', '=', viewer.id), eb('enrolments.trainee_id', '!=', viewer.id)])
}

/**
 * The enrolments `viewer` accredits: allocated to them as external accreditor and, belt and braces
 * over the database CHECK and the models' refusals, never ones they supervise nor their own.
 * Held by accreditors and accredited supervisors.
 */
export function accreditedBy(viewer: Viewer): EnrolmentScope {
  return (eb) =>
    eb.and([
      eb('enrolments.external_accreditor_id', '=', viewer.id),
      eb('enrolments.trainee_id', '!=', viewer.id),
      eb.or([eb('enrolments.supervisor_id', 'is', null), eb('enrolments.supervisor_id', '!=', viewer.id)]),
    ])
}

const ENROLMENTS_BY_ROLE: Record<Role, (viewer: Viewer) => EnrolmentScope> = {
  trainee: (viewer) => ownEnrolments(viewer.id),
  supervisor: supervisedBy,
  accreditor: accreditedBy,
  lead: programmeEnrolmentScope,
  admin: () => everything,
}

/**
 * The enrolments `viewer` may see, in any of their roles, or only in the roles `as` (for instance
 * OVERSIGHT_ROLES: a trainee may see their enrolment but not raise a concern on it).
 */
export function enrolmentScope(viewer: Viewer, as?: readonly Role[]): EnrolmentScope {
  const roles = rolesOf(viewer).filter((role) => !as || as.includes(role))
  return (eb) => eb.or(roles.map((role) => ENROLMENTS_BY_ROLE[role](viewer)(eb)))
}

/** Whether the viewer is the trainee of this enrolment (whose own writing only they may read in full). */
export function isOwnEnrolment(viewer: Viewer, enrolment: { trainee_id: number }): boolean {
  return hasRole(viewer, 'trainee') && viewer.id === enrolment.trainee_id
}

/** The e-mail outbox: admins only (messages hold set-password links that would let a reader take over an account). */
export function outboxScope(viewer: Viewer): Scope<'outbox'> {
  return (eb) => (hasRole(viewer, 'admin') ? everything(eb) : nothing(eb))
}

/**
 * The clients whose individual outcome scores `viewer` may read (ADR 0015): a trainee their own
 * clients, a supervisor the clients of trainees they supervise. Leads, admins and accreditors reach
 * no single family's scores, only a programme's suppressed aggregates.
 */
export function familyScoresScope(viewer: Viewer): Scope<'clients'> {
  return (eb) =>
    eb.or(
      rolesOf(viewer).map((role) => {
        switch (role) {
          case 'trainee':
            return ownClients(viewer.id)(eb)
          case 'supervisor':
            return eb('clients.trainee_id', 'in', eb.selectFrom('enrolments').select('enrolments.trainee_id').where(supervisedBy(viewer)))
          default:
            return nothing(eb)
        }
      }),
    )
}

/** The organisations whose people `viewer` manages (ADR 0018): a lead their own, an admin every one. */
export function organisationScope(viewer: Viewer): Scope<'organisations'> {
  return (eb) =>
    eb.or(
      rolesOf(viewer).map((role) => {
        switch (role) {
          case 'lead':
            return eb('organisations.id', 'in', eb.selectFrom('users as me').select('me.organisation_id').where('me.id', '=', viewer.id))
          case 'admin':
            return everything(eb)
          default:
            return nothing(eb)
        }
      }),
    )
}

/**
 * The people `viewer` manages (add, edit, give roles, deactivate, send links): a lead the people of
 * their own organisation who hold no lead or admin role, an admin everyone.
 */
export function managedPeopleScope(viewer: Viewer): Scope<'users'> {
  return (eb) =>
    eb.or(
      rolesOf(viewer).map((role) => {
        switch (role) {
          case 'lead':
            return eb.and([
              eb('users.organisation_id', 'in', eb.selectFrom('users as me').select('me.organisation_id').where('me.id', '=', viewer.id)),
              eb.not(eb.exists(eb.selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', 'in', ['lead', 'admin']))),
            ])
          case 'admin':
            return everything(eb)
          default:
            return nothing(eb)
        }
      }),
    )
}

/** The roles `viewer` may give or take away on a People page: a lead PERSON_ROLES, an admin every role. */
export function rolesGivenBy(viewer: Viewer): Role[] {
  if (hasRole(viewer, 'admin')) return [...ALL_ROLES]
  if (hasRole(viewer, 'lead')) return [...PERSON_ROLES]
  return []
}
