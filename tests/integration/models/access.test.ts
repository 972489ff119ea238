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
import { enrolTrainee, reassign } from '~/models/enrolment.server'
import { NOT_OWN_ACCREDITATION, NOT_OWN_SUPERVISION, NOT_OWN_SUPERVISOR } from '~/schemas/enrolment'
import { getDb } from '~/utils/db.server'
import { createClientRow, createEnrolment, createProgramme, createUser, ruleSetIdByKey } from '../../factories'
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

// One person, several roles (ADR 0018): each column of the matrix is a combination of roles; what
// the person reaches in each role is exactly what someone holding only that role reaches.
describe('people holding several roles', () => {
  it('a supervisor who also accredits: their supervisees as supervisor, other supervisors’ trainees as accreditor, never both on one', async () => {
    const { db, mine, other, enrolments, programmes, as } = await world()
    const mark = as(await createUser(db, ['supervisor', 'accreditor'], { organisationId: mine.organisation.id }))
    const supervises = await createEnrolment(db, { programmeId: mine.programme.id, supervisorId: mark.id, accreditorId: mine.accreditor.id })
    const accredits = await createEnrolment(db, { programmeId: other.programme.id, supervisorId: other.supervisor.id, accreditorId: mark.id })
    expect(await enrolments(enrolmentScope(mark))).toEqual([supervises.id, accredits.id])
    expect(await enrolments(supervisedBy(mark))).toEqual([supervises.id])
    expect(await enrolments(accreditedBy(mark))).toEqual([accredits.id])
    // Concerns and the audit trail are a supervisor's, not an accreditor's.
    expect(await enrolments(enrolmentScope(mark, OVERSIGHT_ROLES))).toEqual([supervises.id])
    expect(await enrolments(enrolmentScope(mark, ['accreditor']))).toEqual([accredits.id])
    expect(await programmes(mark)).toEqual([])
    // Never the accreditor of their own supervisee: the database refuses it, the reassignment too.
    await expect(db.updateTable('enrolments').set({ external_accreditor_id: mark.id }).where('id', '=', supervises.id).execute()).rejects.toThrow()
    await expect(
      db.transaction().execute((trx) => reassign(trx, mine.lead, supervises.id, { kind: 'accreditor', userId: mark.id, fromOn: '2026-06-01', reason: 'Helen is away' })),
    ).rejects.toThrow(NOT_OWN_SUPERVISOR)
  })

  it('a trainee who also supervises: their own record as trainee, their supervisees as supervisor; never supervises or accredits herself', async () => {
    const { db, mine, enrolments, programmes, as } = await world()
    const tess = as(await createUser(db, ['trainee', 'supervisor'], { organisationId: mine.organisation.id }))
    const own = await createEnrolment(db, { traineeId: tess.id, programmeId: mine.programme.id, supervisorId: mine.supervisor.id, accreditorId: mine.accreditor.id })
    const supervisee = await createEnrolment(db, { programmeId: mine.programme.id, supervisorId: tess.id, accreditorId: mine.accreditor.id })
    expect(await enrolments(enrolmentScope(tess))).toEqual([own.id, supervisee.id])
    expect(await enrolments(ownEnrolments(tess.id))).toEqual([own.id])
    expect(await enrolments(supervisedBy(tess))).toEqual([supervisee.id])
    expect(await enrolments(enrolmentScope(tess, OVERSIGHT_ROLES))).toEqual([supervisee.id])
    expect(await programmes(tess)).toEqual([])
    expect(isOwnEnrolment(tess, own)).toBe(true)
    expect(isOwnEnrolment(tess, supervisee)).toBe(false)

    // The lead cannot make her her own supervisor or accreditor: refused in the transaction, nothing written.
    const lead = mine.lead
    for (const kind of ['supervisor', 'accreditor'] as const) {
      await expect(db.transaction().execute((trx) => reassign(trx, lead, own.id, { kind, userId: tess.id, fromOn: '2026-06-01', reason: 'Cover' }))).rejects.toThrow(
        kind === 'supervisor' ? NOT_OWN_SUPERVISION : NOT_OWN_ACCREDITATION,
      )
    }
    expect(await db.selectFrom('enrolments').select(['supervisor_id', 'external_accreditor_id']).where('id', '=', own.id).executeTakeFirstOrThrow()).toEqual({
      supervisor_id: mine.supervisor.id,
      external_accreditor_id: mine.accreditor.id,
    })
    const second = await createProgramme(db, { organisationId: mine.organisation.id, leadId: lead.id })
    const ruleSetId = await ruleSetIdByKey(db)
    const enrol = (supervisorId: number, accreditorId: number) =>
      db.transaction().execute((trx) =>
        enrolTrainee(trx, lead, second.id, {
          traineeId: tess.id,
          ruleSetId,
          startedOn: '2026-06-01',
          startingStage: 1,
          priorLearningReason: 'Course done elsewhere',
          supervisorId,
          accreditorId,
        }),
      )
    await expect(enrol(tess.id, mine.accreditor.id)).rejects.toThrow(NOT_OWN_SUPERVISION)
    await expect(enrol(mine.supervisor.id, tess.id)).rejects.toThrow(NOT_OWN_ACCREDITATION)
    expect(await db.selectFrom('enrolments').select('id').where('programme_id', '=', second.id).execute()).toEqual([])

    // Belt and braces: a row written around the models still never reaches her as supervisor or accreditor.
    await db.updateTable('enrolments').set({ supervisor_id: tess.id, external_accreditor_id: mine.accreditor.id }).where('id', '=', own.id).execute()
    expect(await enrolments(supervisedBy(tess))).toEqual([supervisee.id])
    await db.updateTable('enrolments').set({ supervisor_id: mine.supervisor.id, external_accreditor_id: tess.id }).where('id', '=', own.id).execute()
    expect(await enrolments(accreditedBy(tess))).toEqual([])
  })

  it('a lead who also supervises: their programmes as lead, their supervisee elsewhere as supervisor only', async () => {
    const { db, mine, other, enrolments, programmes, as } = await world()
    const lena = as(await createUser(db, ['lead', 'supervisor'], { organisationId: mine.organisation.id }))
    const led = await createProgramme(db, { organisationId: mine.organisation.id, leadId: lena.id })
    const onLed = await createEnrolment(db, { programmeId: led.id })
    const elsewhere = await createEnrolment(db, { programmeId: other.programme.id, supervisorId: lena.id, accreditorId: other.accreditor.id })
    expect(await programmes(lena)).toEqual([led.id])
    expect(await enrolments(programmeEnrolmentScope(lena))).toEqual([onLed.id])
    expect(await enrolments(supervisedBy(lena))).toEqual([elsewhere.id])
    expect(await enrolments(enrolmentScope(lena))).toEqual([onLed.id, elsewhere.id])
    expect(await enrolments(accreditedBy(lena))).toEqual([])
    // Supervising one trainee of another programme opens nothing else of it.
    expect(await enrolments(enrolmentScope(lena))).not.toContain(other.enrolment.id)
    expect(hasRole(lena, ...PROGRAMME_ROLES)).toBe(true)
    expect(rolesOf(lena)).toEqual(['lead', 'supervisor'])
  })
})
