import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loader as auditCsv } from '~/routes/enrolments.$enrolmentId.audit[.csv]'
import { loader as leadEnrolment } from '~/routes/lead.enrolments.$enrolmentId'
import { appendAudit } from '~/models/audit.server'
import { getDb } from '~/utils/db.server'
import { getRequest, run, signInCookie } from '../../http'
import { programmeWithTrainee } from './world'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('the audit trail', () => {
  it('is append-only: no code in app/ updates or deletes audit rows', () => {
    const offenders = sourceFiles('app').filter((file) => /(updateTable|deleteFrom)\(\s*['"]audit_log['"]|(update|delete\s+from)\s+audit_log/i.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })

  it('is exported as CSV with a header row, quotes doubled, new lines kept and formulas defused', async () => {
    const db = await getDb()
    const { lead, enrolment } = await programmeWithTrainee(db)
    await appendAudit(db, {
      actorId: lead.id,
      action: 'stage.unlocked',
      entityType: 'enrolment_stage',
      enrolmentId: enrolment.id,
      before: { locked: 1 },
      after: { locked: 0 },
      reason: '=HYPERLINK("x"), then a "quoted" word,\nand a new line',
    })
    const response = await run(auditCsv, getRequest(`/enrolments/${enrolment.id}/audit.csv`, await signInCookie(lead.email)), { enrolmentId: String(enrolment.id) })
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="audit-trainee-\d+-\d+\.csv"$/)
    const text = await response.text()
    // Response.text() drops the byte-order mark that tells spreadsheets the file is UTF-8.
    expect(text.startsWith('When (UTC),Who,Action,What,Record,Record id,Before,After,Reason\r\n')).toBe(true)
    expect(text).toContain(`stage.unlocked,Stage records unlocked,enrolment_stage,,"{""locked"":1}","{""locked"":0}","'=HYPERLINK(""x""), then a ""quoted"" word,\nand a new line"`)
  })

  it('shows on the lead’s page for the trainee, newest first', async () => {
    const db = await getDb()
    const { lead, trainee, enrolment } = await programmeWithTrainee(db)
    for (const action of ['enrolment.created', 'stage.signed_off']) await appendAudit(db, { actorId: lead.id, action, entityType: 'enrolment', enrolmentId: enrolment.id })
    const body = await (await run(leadEnrolment, getRequest(`/lead/enrolments/${enrolment.id}`, await signInCookie(lead.email)), { enrolmentId: String(enrolment.id) })).json()
    expect(body.audit.lines.map((r: { sentence: string }) => r.sentence)).toEqual([`${lead.name} signed off ${trainee.name}’s stage`, `${lead.name} enrolled ${trainee.name}`])
  })
})
