// The audit trail as people read it: sentences, filtered on the server by person and action, the
// CSV with exact values and the same filters, and only for those who oversee the trainee.
import { describe, expect, it } from 'vitest'
import { appendAudit } from '~/models/audit.server'
import { loader as auditCsv } from '~/routes/enrolments.$enrolmentId.audit[.csv]'
import { loader as leadEnrolment } from '~/routes/lead.enrolments.$enrolmentId'
import { getDb } from '~/utils/db.server'
import { getRequest, run, signInCookie } from '../../http'
import { programmeWithTrainee, supervisionSession } from './world'

async function trail() {
  const db = await getDb()
  const world = await programmeWithTrainee(db)
  const { lead, supervisor, enrolment } = world
  const session = await supervisionSession(db, enrolment)
  await appendAudit(db, {
    actorId: supervisor.id,
    action: 'supervision.confirmed',
    entityType: 'supervision_session',
    entityId: session.id,
    enrolmentId: enrolment.id,
    before: { status: 'pending', heldOn: '2026-11-12', minutes: 90 },
    after: { status: 'confirmed' },
  })
  await appendAudit(db, {
    actorId: world.trainee.id,
    action: 'supervision_session.updated',
    entityType: 'supervision_session',
    entityId: session.id,
    enrolmentId: enrolment.id,
    before: { id: session.id, held_on: '2026-11-12', minutes: 60, supervisor_id: supervisor.id },
    after: { id: session.id, held_on: '2026-11-12', minutes: 90, supervisor_id: supervisor.id },
  })
  await appendAudit(db, {
    actorId: lead.id,
    action: 'stage.unlocked',
    entityType: 'enrolment_stage',
    enrolmentId: enrolment.id,
    before: { stageNumber: 1, locked: 1 },
    after: { stageNumber: 1, locked: 0 },
    reason: 'A date typed wrong',
  })
  return world
}

async function leadPage(enrolmentId: number, email: string, query = '') {
  return run(leadEnrolment, getRequest(`/lead/enrolments/${enrolmentId}${query}`, await signInCookie(email)), { enrolmentId: String(enrolmentId) })
}

describe('the readable audit trail', () => {
  it('reads as sentences with names, UK times and changes, never ids or column names', async () => {
    const { lead, supervisor, trainee, enrolment } = await trail()
    const { audit } = await (await leadPage(enrolment.id, lead.email)).json()
    const sentences = audit.lines.map((l: { sentence: string }) => l.sentence)
    expect(sentences).toEqual([
      `${lead.name} unlocked the records of ${trainee.name}’s Stage 1 for correction`,
      `${trainee.name} changed the supervision session held on 12 Nov 2026`,
      `${supervisor.name} confirmed ${trainee.name}’s 90-minute supervision on 12 Nov 2026`,
    ])
    expect(audit.lines[1].changes).toEqual(['minutes 60 → 90'])
    expect(audit.lines[0].reason).toBe('A date typed wrong')
    expect(audit.lines[0].when).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)
    expect(JSON.stringify(audit.lines)).not.toMatch(/supervisor_id|held_on|"before_json"|T\d{2}:\d{2}:\d{2}/)
    expect(audit.people.map((p: { label: string }) => p.label).sort()).toEqual([lead.name, supervisor.name, trainee.name].sort())
    expect(audit.actions.map((a: { label: string }) => a.label)).toEqual(['Stage records unlocked', 'Supervision session changed', 'Supervision session confirmed'])
  })

  it('filters by person and by action on the server; an unreadable filter shows everything', async () => {
    const { lead, supervisor, trainee, enrolment } = await trail()
    const bySupervisor = (await (await leadPage(enrolment.id, lead.email, `?auditBy=${supervisor.id}`)).json()).audit
    expect(bySupervisor.lines.map((l: { sentence: string }) => l.sentence)).toEqual([`${supervisor.name} confirmed ${trainee.name}’s 90-minute supervision on 12 Nov 2026`])
    const byAction = (await (await leadPage(enrolment.id, lead.email, '?auditAction=stage.unlocked')).json()).audit
    expect(byAction.lines).toHaveLength(1)
    expect(byAction.filter).toEqual({ auditBy: null, auditAction: 'stage.unlocked' })
    const both = (await (await leadPage(enrolment.id, lead.email, `?auditBy=${supervisor.id}&auditAction=stage.unlocked`)).json()).audit
    expect(both.lines).toEqual([])
    // The choices stay those of the whole trail, so a filter can be changed.
    expect(both.people).toHaveLength(3)
    const junk = (await (await leadPage(enrolment.id, lead.email, '?auditBy=abc&auditAction=DROP%20TABLE')).json()).audit
    expect(junk.lines).toHaveLength(3)
  })

  it('exports the filtered rows as CSV with the exact stored values', async () => {
    const { lead, enrolment } = await trail()
    const response = await run(auditCsv, getRequest(`/enrolments/${enrolment.id}/audit.csv?auditAction=supervision_session.updated`, await signInCookie(lead.email)), {
      enrolmentId: String(enrolment.id),
    })
    const text = await response.text()
    const rows = text.trim().split('\r\n')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/)
    expect(rows[1]).toContain('supervision_session.updated,Supervision session changed,supervision_session,')
    expect(rows[1]).toContain('""minutes"":60')
  })

  it('is not there for another programme’s lead', async () => {
    const db = await getDb()
    const { enrolment } = await trail()
    const elsewhere = await programmeWithTrainee(db)
    expect((await leadPage(enrolment.id, elsewhere.lead.email)).status).toBe(404)
    const csv = await run(auditCsv, getRequest(`/enrolments/${enrolment.id}/audit.csv`, await signInCookie(elsewhere.lead.email)), { enrolmentId: String(enrolment.id) })
    expect(csv.status).toBe(404)
  })
})
