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
// Scopes are decided per role and OR-ed over `rolesOf(viewer)`, so that when a person may hold several
// roles (issue 11) only `rolesOf` changes.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { DB, Role } from '~db/schema'

/** The person asking: their user id and role (the session user fits). */
export interface Viewer {
  id: number
  role: Role
}

/** A WHERE clause over `table`, as `.where(...)` takes it. */
export type Scope<T extends keyof DB> = (eb: ExpressionBuilder<DB, T>) => Expression<SqlBool>
export type EnrolmentScope = Scope<'enrolments'>

/** The roles the viewer holds. One today; when roles become a set, only this changes. */
export function rolesOf(viewer: Viewer): readonly Role[] {
  return [viewer.role]
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

/** The enrolments `viewer` supervises: the supervisor's decisions (sessions, feedback, meetings, sign-off). */
export function supervisedBy(viewer: Viewer): EnrolmentScope {
  return (eb) => eb('enrolments.supervisor_id', '=', viewer.id)
}

/**
 * The enrolments `viewer` accredits: allocated to them as external accreditor and, belt and braces
 * over the database CHECK, never ones they supervise. Held by accreditors and accredited supervisors.
 */
export function accreditedBy(viewer: Viewer): EnrolmentScope {
  return (eb) => eb.and([eb('enrolments.external_accreditor_id', '=', viewer.id), eb.or([eb('enrolments.supervisor_id', 'is', null), eb('enrolments.supervisor_id', '!=', viewer.id)])])
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
