// Which role a page is used in, for a person holding several (ADR 0018).
import { describe, expect, it } from 'vitest'
import { areaRole, currentRole, primaryRole, sortRoles } from '~/utils/roles'

describe('sortRoles and primaryRole', () => {
  it('lists roles admin, lead, supervisor, accreditor, trainee, once each; the first is where a person lands', () => {
    expect(sortRoles(['trainee', 'supervisor', 'trainee'])).toEqual(['supervisor', 'trainee'])
    expect(sortRoles(['accreditor', 'supervisor'])).toEqual(['supervisor', 'accreditor'])
    expect(primaryRole(['supervisor', 'lead'])).toBe('lead')
    expect(primaryRole(['trainee'])).toBe('trainee')
    expect(() => primaryRole([])).toThrow('at least one role')
  })
})

describe('areaRole', () => {
  it.each([
    ['/trainee', 'trainee'],
    ['/trainee/cycles/new', 'trainee'],
    ['/supervisor/trainees/4', 'supervisor'],
    ['/accreditor', 'accreditor'],
    ['/lead/programmes/1/report', 'lead'],
    ['/measures', 'lead'],
    ['/organisations/2/people', 'lead'],
    ['/admin/organisations', 'admin'],
    ['/certificates', null],
    ['/account', null],
    ['/traineeship', null],
  ] as const)('%s is in the area of %s', (path, role) => {
    expect(areaRole(path)).toBe(role)
  })
})

describe('currentRole', () => {
  it('is the role of the page’s area when the person holds it', () => {
    expect(currentRole(['supervisor', 'accreditor'], '/accreditor/enrolments/3')).toBe('accreditor')
    expect(currentRole(['supervisor', 'accreditor'], '/supervisor')).toBe('supervisor')
    expect(currentRole(['lead', 'supervisor'], '/lead/programmes/1')).toBe('lead')
  })

  it('an admin on programme pages stays an admin; a supervisor on /accreditor (accredited supervisors accredit) stays a supervisor', () => {
    expect(currentRole(['admin'], '/lead/programmes/1')).toBe('admin')
    expect(currentRole(['supervisor'], '/accreditor')).toBe('supervisor')
  })

  it('on pages of no one role, the remembered role while still held, else the first role', () => {
    expect(currentRole(['supervisor', 'accreditor'], '/certificates', 'accreditor')).toBe('accreditor')
    expect(currentRole(['supervisor', 'trainee'], '/account', 'lead')).toBe('supervisor')
    expect(currentRole(['trainee', 'supervisor'], '/account')).toBe('supervisor')
  })
})
