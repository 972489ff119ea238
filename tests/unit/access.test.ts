// The access module's WHERE clauses as SQL, role by role, without a database: each role's rule is
// the one ADR 0009 names, and a rule for one role never leaks into another's.
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { DB, Role } from '~db/schema'
import { OVERSIGHT_ROLES, accreditedBy, enrolmentScope, programmeEnrolmentScope, programmeScope, supervisedBy, type EnrolmentScope } from '~/models/access.server'

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

const where = (scope: EnrolmentScope) => {
  const { sql, parameters } = db.selectFrom('enrolments').select('enrolments.id').where(scope).compile()
  return { sql: sql.replace(/^select "enrolments"\."id" from "enrolments" where /, ''), parameters }
}
const viewer = (role: Role) => ({ id: 42, roles: [role] })

describe('enrolmentScope, role by role', () => {
  it.each([
    ['trainee', /"enrolments"\."trainee_id" = \?/],
    ['supervisor', /"enrolments"\."supervisor_id" = \? and "enrolments"\."trainee_id" != \?/],
    ['accreditor', /"enrolments"\."external_accreditor_id" = \? and "enrolments"\."trainee_id" != \? and \("enrolments"\."supervisor_id" is null or "enrolments"\."supervisor_id" != \?\)/],
    [
      'lead',
      /"enrolments"\."programme_id" in \(select "programmes"\."id" from "programmes" where "programmes"\."id" in \(select "programme_leads"\."programme_id" from "programme_leads" where "programme_leads"\."user_id" = \?\)\)/,
    ],
  ] as const)('as %s, reaches only their own rows, by their id', (role, expected) => {
    const { sql, parameters } = where(enrolmentScope(viewer(role)))
    expect(sql).toMatch(expected)
    expect(parameters.every((p) => p === 42)).toBe(true)
    expect(parameters.length).toBeGreaterThan(0)
  })

  it('an admin reaches every enrolment, with nothing to bind', () => {
    expect(where(enrolmentScope(viewer('admin')))).toEqual({ sql: '1 = 1', parameters: [] })
  })

  it('in roles the viewer does not hold, reaches nothing', () => {
    expect(where(enrolmentScope(viewer('trainee'), OVERSIGHT_ROLES))).toEqual({ sql: '1 = 0', parameters: [] })
    expect(where(enrolmentScope(viewer('accreditor'), OVERSIGHT_ROLES))).toEqual({ sql: '1 = 0', parameters: [] })
    expect(where(enrolmentScope(viewer('supervisor'), OVERSIGHT_ROLES)).sql).toMatch(/"enrolments"\."supervisor_id" = \?/)
  })
})

describe('the decisions of one role', () => {
  it('supervising and accrediting are by allocation, whatever the role', () => {
    // Never their own enrolment as a trainee (ADR 0018).
    expect(where(supervisedBy(viewer('supervisor')))).toEqual({ sql: '("enrolments"."supervisor_id" = ? and "enrolments"."trainee_id" != ?)', parameters: [42, 42] })
    expect(where(accreditedBy(viewer('supervisor'))).sql).toMatch(/^\(?"enrolments"\."external_accreditor_id" = \?/)
  })

  it('programmes are run by their leads and by admins, by no one else', () => {
    const programmes = (role: Role) =>
      db
        .selectFrom('programmes')
        .select('programmes.id')
        .where(programmeScope(viewer(role)))
        .compile()
        .sql.replace(/^.* where /, '')
    expect(programmes('lead')).toMatch(/"programme_leads"\."user_id" = \?/)
    expect(programmes('admin')).toBe('1 = 1')
    for (const role of ['trainee', 'supervisor', 'accreditor'] as const) expect(programmes(role)).toBe('1 = 0')
    expect(where(programmeEnrolmentScope(viewer('supervisor'))).sql).toMatch(/where 1 = 0\)$/)
  })
})
