// The access module, role by role, against real rows: two programmes side by side, each with its
// lead, supervisor, external accreditor and trainee (and a client), plus an admin. Each scope is run
// as a WHERE clause, exactly as the models use it.
import { describe, expect, it } from 'vitest'
import {
  OVERSIGHT_ROLES,
  PROGRAMME_ROLES,
  accreditedBy,
  enrolmentScope,
  hasRole,
  isOwnEnrolment,
  ownClients,
  ownEnrolments,
  programmeEnrolmentScope,
  programmeScope,
  rolesOf,
  supervisedBy,
  type EnrolmentScope,
  type Viewer,
} from '~/models/access.server'
import { getDb } from '~/utils/db.server'
import { createClientRow, createEnrolment, createUser } from '../../factories'
import { twoProgrammes } from '../oversight/world'

async function world() {
  const db = await getDb()
  const w = await twoProgrammes(db)
  const admin = await createUser(db, 'admin')
  const mineClient = await createClientRow(db, w.mine.trainee.id, { code: 'AAA-1' })
  const otherClient = await createClientRow(db, w.other.trainee.id, { code: 'BBB-1' })
  const enrolments = async (scope: EnrolmentScope) => (await db.selectFrom('enrolments').select('enrolments.id').where(scope).orderBy('enrolments.id').execute()).map((e) => e.id)
  const programmes = async (viewer: Viewer) => (await db.selectFrom('programmes').select('programmes.id').where(programmeScope(viewer)).orderBy('programmes.id').execute()).map((p) => p.id)
  const as = (user: { id: number; roles: Viewer['roles'] }): Viewer => ({ id: user.id, roles: user.roles })
  return { db, ...w, admin: as(admin), mineClient, otherClient, enrolments, programmes, as }
}

describe('the access module, role by role', () => {
  it('a trainee reaches their own enrolment and clients, nothing of programmes', async () => {
    const { db, mine, other, mineClient, enrolments, programmes, as } = await world()
    const trainee = as(mine.trainee)
    expect(await enrolments(enrolmentScope(trainee))).toEqual([mine.enrolment.id])
    expect(await enrolments(ownEnrolments(trainee.id))).toEqual([mine.enrolment.id])
    expect((await db.selectFrom('clients').select('clients.id').where(ownClients(trainee.id)).execute()).map((c) => c.id)).toEqual([mineClient.id])
    expect(await programmes(trainee)).toEqual([])
    expect(await enrolments(enrolmentScope(trainee, OVERSIGHT_ROLES))).toEqual([])
    expect(isOwnEnrolment(trainee, mine.enrolment)).toBe(true)
    expect(isOwnEnrolment(trainee, other.enrolment)).toBe(false)
  })

  it('a supervisor reaches the enrolments they supervise, and decides on those only', async () => {
    const { mine, enrolments, programmes, as } = await world()
    const supervisor = as(mine.supervisor)
    expect(await enrolments(enrolmentScope(supervisor))).toEqual([mine.enrolment.id])
    expect(await enrolments(supervisedBy(supervisor))).toEqual([mine.enrolment.id])
    expect(await enrolments(enrolmentScope(supervisor, OVERSIGHT_ROLES))).toEqual([mine.enrolment.id])
    expect(await enrolments(accreditedBy(supervisor))).toEqual([])
    expect(await programmes(supervisor)).toEqual([])
  })

  it('an external accreditor reaches the enrolments allocated to them, and an accredited supervisor never their own trainee', async () => {
    const { db, mine, other, enrolments, programmes, as } = await world()
    const accreditor = as(mine.accreditor)
    expect(await enrolments(enrolmentScope(accreditor))).toEqual([mine.enrolment.id])
    expect(await enrolments(accreditedBy(accreditor))).toEqual([mine.enrolment.id])
    expect(await enrolments(enrolmentScope(accreditor, OVERSIGHT_ROLES))).toEqual([])
    expect(await programmes(accreditor)).toEqual([])
    // The other programme's supervisor accredits a trainee here: reached through accreditedBy only.
    const acting = await createEnrolment(db, { programmeId: mine.programme.id, supervisorId: mine.supervisor.id, accreditorId: other.supervisor.id })
    expect(await enrolments(accreditedBy(as(other.supervisor)))).toEqual([acting.id])
    expect(await enrolments(enrolmentScope(as(other.supervisor)))).toEqual([other.enrolment.id])
    expect(await enrolments(accreditedBy(as(mine.supervisor)))).toEqual([])
  })

  it('a lead reaches the programmes they lead and every enrolment on them', async () => {
    const { db, mine, other, enrolments, programmes, as } = await world()
    const lead = as(mine.lead)
    const second = await createEnrolment(db, { programmeId: mine.programme.id })
    expect(await programmes(lead)).toEqual([mine.programme.id])
    expect(await enrolments(enrolmentScope(lead))).toEqual([mine.enrolment.id, second.id])
    expect(await enrolments(programmeEnrolmentScope(lead))).toEqual([mine.enrolment.id, second.id])
    expect(await enrolments(enrolmentScope(as(other.lead)))).toEqual([other.enrolment.id])
    expect(await enrolments(supervisedBy(lead))).toEqual([])
  })

  it('an admin reaches every programme as its lead would, and decides nothing as a supervisor or accreditor', async () => {
    const { mine, other, admin, enrolments, programmes } = await world()
    expect(await programmes(admin)).toEqual(expect.arrayContaining([mine.programme.id, other.programme.id]))
    const all = await enrolments((eb) => eb.and([]))
    expect(await enrolments(enrolmentScope(admin))).toEqual(all)
    expect(await enrolments(programmeEnrolmentScope(admin))).toEqual(all)
    expect(await enrolments(enrolmentScope(admin, OVERSIGHT_ROLES))).toEqual(all)
    expect(await enrolments(supervisedBy(admin))).toEqual([])
    expect(await enrolments(accreditedBy(admin))).toEqual([])
  })

  it('decides by role, OR-ed over the roles a person holds', async () => {
    const { admin } = await world()
    expect(rolesOf(admin)).toEqual(['admin'])
    expect(hasRole(admin, ...PROGRAMME_ROLES)).toBe(true)
    expect(hasRole({ id: 1, roles: ['supervisor'] }, ...PROGRAMME_ROLES)).toBe(false)
    expect(hasRole({ id: 1, roles: ['supervisor'] }, ...OVERSIGHT_ROLES)).toBe(true)
  })
})
