// ADR 0009: an admin runs every programme as its lead would. Every programme page an admin can open
// (the report included) leads by its links to pages that open too, so no back link ends in a 403;
// an admin still never acts as a trainee's supervisor or external accreditor.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import * as accreditorCase from '~/routes/accreditor.enrolments.$enrolmentId'
import * as certificates from '~/routes/certificates._index'
import * as leadEnrolment from '~/routes/lead.enrolments.$enrolmentId'
import * as leadHome from '~/routes/lead._index'
import * as editProgramme from '~/routes/lead.programmes.$programmeId.edit'
import * as enrol from '~/routes/lead.programmes.$programmeId.enrol'
import * as overview from '~/routes/lead.programmes.$programmeId._index'
import * as people from '~/routes/lead.programmes.$programmeId.people'
import * as exportZip from '~/routes/lead.programmes.$programmeId_.export'
import * as importPage from '~/routes/lead.programmes.$programmeId_.import'
import * as report from '~/routes/lead.programmes.$programmeId_.report'
import * as supervisorTrainee from '~/routes/supervisor.trainees.$enrolmentId'
import { getDb } from '~/utils/db.server'
import { createUser } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { twoProgrammes } from '../oversight/world'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

async function adminAndProgrammes() {
  const db = await getDb()
  const world = await twoProgrammes(db)
  const admin = await createUser(db, 'admin')
  const cookie = await signInCookie(admin.email)
  const open = (loader: Loader, path: string, params: Record<string, string> = {}) => run(loader, getRequest(path, cookie), params)
  return { db, ...world, admin, cookie, open }
}

describe('an admin and programmes (ADR 0009)', () => {
  it('opens a programme’s report, and the pages its links and back links lead to', async () => {
    const { mine, open } = await adminAndProgrammes()
    const id = String(mine.programme.id)
    const base = `/lead/programmes/${id}`
    const pages: [string, Loader, string, Record<string, string>][] = [
      ['the report', report.loader, `${base}/report`, { programmeId: id }],
      ['the programme (the report’s back link)', overview.loader, base, { programmeId: id }],
      ['the programmes list (the programme’s back link)', leadHome.loader, '/lead', {}],
      ['enrolling', enrol.loader, `${base}/enrol`, { programmeId: id }],
      ['people and sign-in links', people.loader, `${base}/people`, { programmeId: id }],
      ['editing the programme', editProgramme.loader, `${base}/edit`, { programmeId: id }],
      ['importing', importPage.loader, `${base}/import`, { programmeId: id }],
      ['a trainee’s page (whose back link is the programme)', leadEnrolment.loader, `/lead/enrolments/${mine.enrolment.id}`, { enrolmentId: String(mine.enrolment.id) }],
      ['certificates', certificates.loader, '/certificates', {}],
    ]
    for (const [name, loader, path, params] of pages) {
      expect((await open(loader, path, params)).status, name).toBe(200)
    }
    expect((await open(exportZip.loader, `${base}/export`, { programmeId: id })).headers.get('Content-Type'), 'the export').toMatch(/zip/)
  })

  it('sees every programme in the list, not only those they lead', async () => {
    const { mine, other, open } = await adminAndProgrammes()
    const body = await (await open(leadHome.loader, '/lead')).json()
    expect(body.programmes.map((p: { id: number }) => p.id)).toEqual(expect.arrayContaining([mine.programme.id, other.programme.id]))
  })

  it('sees the same programme page as its lead', async () => {
    const { mine, open } = await adminAndProgrammes()
    const params = { programmeId: String(mine.programme.id) }
    const asAdmin = await (await open(overview.loader, `/lead/programmes/${mine.programme.id}`, params)).json()
    const asLead = await (await run(overview.loader, getRequest(`/lead/programmes/${mine.programme.id}`, await signInCookie(mine.lead.email)), params)).json()
    expect(asAdmin).toEqual(asLead)
  })

  it('edits a programme as its lead would, and the change is audited as theirs', async () => {
    const { db, mine, admin, cookie } = await adminAndProgrammes()
    const fields = { name: 'Renamed by the admin', startedOn: '2026-01-05', fundingEndsOn: '2027-03-31', budget: '1000', registrationFee: '', [`capacity${mine.supervisor.id}`]: '8' }
    const saved = await run(editProgramme.action, formRequest(`/lead/programmes/${mine.programme.id}/edit`, fields, cookie), { programmeId: String(mine.programme.id) })
    expect(saved.status).toBe(302)
    expect((await db.selectFrom('programmes').select('name').where('id', '=', mine.programme.id).executeTakeFirstOrThrow()).name).toBe('Renamed by the admin')
    const audit = await db.selectFrom('audit_log').select(['actor_id', 'action']).where('entity_type', '=', 'programme').where('entity_id', '=', mine.programme.id).execute()
    expect(audit).toEqual([{ actor_id: admin.id, action: 'programme.updated' }])
  })

  it('is refused a supervisor’s and an accreditor’s pages: those decisions belong to the person allocated', async () => {
    const { mine, open } = await adminAndProgrammes()
    const params = { enrolmentId: String(mine.enrolment.id) }
    expect((await open(supervisorTrainee.loader, `/supervisor/trainees/${mine.enrolment.id}`, params)).status).toBe(403)
    expect((await open(accreditorCase.loader, `/accreditor/enrolments/${mine.enrolment.id}`, params)).status).toBe(403)
  })

  it('an unknown programme is 404 for an admin as for a lead', async () => {
    const { open } = await adminAndProgrammes()
    expect((await open(overview.loader, '/lead/programmes/99999', { programmeId: '99999' })).status).toBe(404)
    expect((await open(report.loader, '/lead/programmes/x/report', { programmeId: 'x' })).status).toBe(404)
  })
})
