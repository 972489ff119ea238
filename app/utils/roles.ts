// Where each role lands and how it is named, shared by server and browser code. A person may hold
// several roles (ADR 0018); these helpers decide which one a page is being used in.
import type { Role } from '~db/schema'

export const ROLE_HOME: Record<Role, string> = {
  trainee: '/trainee',
  supervisor: '/supervisor',
  accreditor: '/accreditor',
  lead: '/lead',
  admin: '/admin',
}

export const ROLE_LABEL: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  accreditor: 'External accreditor',
  lead: 'Programme lead',
  admin: 'Administrator',
}

/** The order roles are listed in (and the first is where a person lands after signing in). */
export const ROLE_ORDER: readonly Role[] = ['admin', 'lead', 'supervisor', 'accreditor', 'trainee']

/** `roles` without repeats, in ROLE_ORDER. */
export function sortRoles(roles: readonly Role[]): Role[] {
  return ROLE_ORDER.filter((role) => roles.includes(role))
}

/** The role a person starts in: the first of theirs in ROLE_ORDER. Throws for a person with none. */
export function primaryRole(roles: readonly Role[]): Role {
  const [first] = sortRoles(roles)
  if (!first) throw new Error('A person holds at least one role')
  return first
}

/** The area of the app each role's own pages live under (the first matching prefix decides). */
const AREAS: [prefix: string, role: Role][] = [
  ['/trainee', 'trainee'],
  ['/supervisor', 'supervisor'],
  ['/accreditor', 'accreditor'],
  ['/lead', 'lead'],
  ['/measures', 'lead'],
  ['/organisations', 'lead'],
  ['/admin', 'admin'],
]

/**
 * The role a page at `pathname` is used in, for a person holding `roles`: the role whose area the
 * page is in when they hold it (an admin on /lead pages stays an admin, who runs programmes as
 * their lead would), else `remembered` (the role of the last area they were in) when they still
 * hold it, else their primary role.
 */
export function currentRole(roles: readonly Role[], pathname: string, remembered?: Role | null): Role {
  const area = areaRole(pathname)
  if (area && roles.includes(area)) return area
  if (area === 'lead' && roles.includes('admin')) return 'admin'
  if (remembered && roles.includes(remembered)) return remembered
  return primaryRole(roles)
}

/** The role whose area `pathname` is in, if any (what the session remembers as the current role). */
export function areaRole(pathname: string): Role | null {
  return AREAS.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1] ?? null
}
