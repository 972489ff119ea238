// Who may reach each page and action of oversight. For each role, the allowed ones work and the rest
// answer 403 (the wrong role) or 404 (the right role, but not their trainee or programme: ids of
// records in other programmes included).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import * as accreditorCase from '~/routes/accreditor.enrolments.$enrolmentId'
import * as accreditorHome from '~/routes/accreditor._index'
import * as auditCsv from '~/routes/enrolments.$enrolmentId.audit[.csv]'
import * as leadEnrolment from '~/routes/lead.enrolments.$enrolmentId'
import * as leadHome from '~/routes/lead._index'
import * as editProgramme from '~/routes/lead.programmes.$programmeId.edit'
import * as enrol from '~/routes/lead.programmes.$programmeId.enrol'
import * as overview from '~/routes/lead.programmes.$programmeId._index'
import * as people from '~/routes/lead.programmes.$programmeId.people'
import * as newProgramme from '~/routes/lead.programmes.new'
import * as supervisorHome from '~/routes/supervisor._index'
import * as supervisorTrainee from '~/routes/supervisor.trainees.$enrolmentId'
import { today } from '~/utils/dates'
import { getDb } from '~/utils/db.server'
import { CHECK_VIOLATION } from '../../database'
import { createUser, ruleSetIdByKey } from '../../factories'
import { formRequest, getRequest, run, signInCookie } from '../../http'
import { twoProgrammes, supervisionSession } from './world'

type World = Awaited<ReturnType<typeof twoProgrammes>>
type Db = Awaited<ReturnType<typeof getDb>>

const ROLES = ['trainee', 'supervisorOf', 'otherSupervisor', 'accreditorOf', 'otherAccreditor', 'leadOf', 'otherLead'] as const
type RoleKey = (typeof ROLES)[number]

function emailOf(world: World, role: RoleKey): string {
  const { mine, other } = world
  return {
    trainee: mine.trainee.email,
    supervisorOf: mine.supervisor.email,
    otherSupervisor: other.supervisor.email,
    accreditorOf: mine.accreditor.email,
    otherAccreditor: other.accreditor.email,
    leadOf: mine.lead.email,
    otherLead: other.lead.email,
  }[role]
}

interface Endpoint {
  name: string
  fn: (args: LoaderFunctionArgs) => Promise<unknown>
  path: (w: World) => string
  params?: (w: World) => Record<string, string>
  /** Form fields for an action (prepared in the database first where needed); none for a loader. */
  fields?: (w: World, db: Db) => Promise<Record<string, string | string[]>>
  allowed: RoleKey[]
  /** What an allowed request answers: 200 for pages, 302 for actions unless said here. */
  okStatus?: number
  /** The right role, but not theirs: 404. Every other role gets 403. */
  notTheirs?: RoleKey[]
}

const programmeParams = (w: World) => ({ programmeId: String(w.mine.programme.id) })
const enrolmentParams = (w: World) => ({ enrolmentId: String(w.mine.enrolment.id) })
const leads = { allowed: ['leadOf'] as RoleKey[], notTheirs: ['otherLead'] as RoleKey[] }
const programmeFields = (w: World) => ({
  name: 'Renamed',
  startedOn: '2026-01-05',
  fundingEndsOn: '2027-03-31',
  budget: '1000',
  registrationFee: '',
  [`capacity${w.mine.supervisor.id}`]: '8',
})

const endpoints: Endpoint[] = [
  { name: 'GET /lead', fn: leadHome.loader, path: () => '/lead', allowed: ['leadOf', 'otherLead'] },
  { name: 'GET /lead/programmes/new', fn: newProgramme.loader, path: () => '/lead/programmes/new', allowed: ['leadOf', 'otherLead'] },
  { name: 'POST /lead/programmes/new', fn: newProgramme.action, path: () => '/lead/programmes/new', fields: async (w) => programmeFields(w), allowed: ['leadOf', 'otherLead'] },
  { name: 'GET programme overview', fn: overview.loader, path: (w) => `/lead/programmes/${w.mine.programme.id}`, params: programmeParams, ...leads },
  { name: 'GET programme edit', fn: editProgramme.loader, path: (w) => `/lead/programmes/${w.mine.programme.id}/edit`, params: programmeParams, ...leads },
  {
    name: 'POST programme edit',
    fn: editProgramme.action,
    path: (w) => `/lead/programmes/${w.mine.programme.id}/edit`,
    params: programmeParams,
    fields: async (w) => programmeFields(w),
    ...leads,
  },
  { name: 'GET people', fn: people.loader, path: (w) => `/lead/programmes/${w.mine.programme.id}/people`, params: programmeParams, ...leads },
  {
    name: 'POST people: new link',
    fn: people.action,
    path: (w) => `/lead/programmes/${w.mine.programme.id}/people`,
    params: programmeParams,
    fields: async (w) => ({ intent: 'new-link', userId: String(w.mine.trainee.id) }),
    // The link is shown once, in the answer itself.
    okStatus: 200,
    ...leads,
  },
  { name: 'GET enrol', fn: enrol.loader, path: (w) => `/lead/programmes/${w.mine.programme.id}/enrol`, params: programmeParams, ...leads },
  {
    name: 'POST enrol',
    fn: enrol.action,
    path: (w) => `/lead/programmes/${w.mine.programme.id}/enrol`,
    params: programmeParams,
    fields: async (w, db) => ({
      traineeId: String((await createUser(db, 'trainee', { organisationId: w.mine.organisation.id })).id),
      ruleSetId: String(await ruleSetIdByKey(db)),
      startedOn: '2026-02-01',
      startingStage: '0',
      priorLearningReason: '',
      supervisorId: String(w.mine.supervisor.id),
      accreditorId: String(w.mine.accreditor.id),
    }),
    ...leads,
  },
  { name: 'GET lead enrolment', fn: leadEnrolment.loader, path: (w) => `/lead/enrolments/${w.mine.enrolment.id}`, params: enrolmentParams, ...leads },
  {
    name: 'POST lead enrolment: unlock',
    fn: leadEnrolment.action,
    path: (w) => `/lead/enrolments/${w.mine.enrolment.id}`,
    params: enrolmentParams,
    fields: async () => ({ intent: 'unlock', stageNumber: '0', reason: 'Correcting the course date' }),
    ...leads,
  },
  {
    name: 'GET audit CSV',
    fn: auditCsv.loader,
    path: (w) => `/enrolments/${w.mine.enrolment.id}/audit.csv`,
    params: enrolmentParams,
    allowed: ['leadOf', 'supervisorOf'],
    notTheirs: ['otherLead', 'otherSupervisor'],
  },
  { name: 'GET /supervisor', fn: supervisorHome.loader, path: () => '/supervisor', allowed: ['supervisorOf', 'otherSupervisor'] },
  {
    name: 'GET supervisor trainee',
    fn: supervisorTrainee.loader,
    path: (w) => `/supervisor/trainees/${w.mine.enrolment.id}`,
    params: enrolmentParams,
    allowed: ['supervisorOf'],
    notTheirs: ['otherSupervisor'],
  },
  {
    name: 'POST supervisor trainee: confirm selected sessions',
    fn: supervisorTrainee.action,
    path: (w) => `/supervisor/trainees/${w.mine.enrolment.id}`,
    params: enrolmentParams,
    fields: async (w, db) => ({
      intent: 'confirm-sessions',
      sessionIds: [String((await supervisionSession(db, w.mine.enrolment)).id), String((await supervisionSession(db, w.mine.enrolment)).id)],
    }),
    allowed: ['supervisorOf'],
    notTheirs: ['otherSupervisor'],
  },
  {
    name: 'POST supervisor trainee: sign off',
    fn: supervisorTrainee.action,
    path: (w) => `/supervisor/trainees/${w.mine.enrolment.id}`,
    params: enrolmentParams,
    fields: async () => ({ intent: 'sign-off', stageNumber: '1', meetingHeldOn: '2026-04-01', meetingNotes: '', overrideReason: 'Prior learning recognised', confirmed: 'true' }),
    allowed: ['supervisorOf'],
    notTheirs: ['otherSupervisor'],
  },
  { name: 'GET /accreditor', fn: accreditorHome.loader, path: () => '/accreditor', allowed: ['accreditorOf', 'otherAccreditor', 'supervisorOf', 'otherSupervisor'] },
  {
    name: 'GET accreditor enrolment',
    fn: accreditorCase.loader,
    path: (w) => `/accreditor/enrolments/${w.mine.enrolment.id}`,
    params: enrolmentParams,
    allowed: ['accreditorOf'],
    // A supervisor may act as an external accreditor, but never for their own trainee.
    notTheirs: ['otherAccreditor', 'supervisorOf', 'otherSupervisor'],
  },
  {
    name: 'POST accreditor enrolment: accredit',
    fn: accreditorCase.action,
    path: (w) => `/accreditor/enrolments/${w.mine.enrolment.id}`,
    params: enrolmentParams,
    fields: async (w, db) => {
      await db.updateTable('enrolment_stages').set({ status: 'signed_off', locked: 1 }).where('enrolment_id', '=', w.mine.enrolment.id).where('stage_number', '=', 1).execute()
      await db
        .insertInto('sign_offs')
        .values({ enrolment_id: w.mine.enrolment.id, stage_number: 1, signed_off_by: w.mine.supervisor.id, signed_off_at: new Date().toISOString(), readiness_json: '{}' })
        .execute()
      return { intent: 'accredit', stageNumber: '1', accreditedOn: today(), confirmed: 'true' }
    },
    allowed: ['accreditorOf'],
    notTheirs: ['otherAccreditor', 'supervisorOf', 'otherSupervisor'],
  },
]

const cases = endpoints.flatMap((endpoint) => ROLES.map((role) => [endpoint.name, role, endpoint] as const))

describe('access matrix', () => {
  it.each(cases)('%s as %s', async (_name, role, endpoint) => {
    const db = await getDb()
    const world = await twoProgrammes(db)
    const cookie = await signInCookie(emailOf(world, role))
    const path = endpoint.path(world)
    const request = endpoint.fields ? formRequest(path, await endpoint.fields(world, db), cookie) : getRequest(path, cookie)
    const response = await run(endpoint.fn, request, endpoint.params?.(world) ?? {})
    const okStatus = endpoint.okStatus ?? (endpoint.fields ? 302 : 200)
    const expected = endpoint.allowed.includes(role) ? okStatus : endpoint.notTheirs?.includes(role) ? 404 : 403
    if (response.status === 200 && expected === 302) {
      // A refused form answers 200 with its errors: say which, to make a failure readable.
      expect(await response.json()).toBeUndefined()
    }
    expect(response.status).toBe(expected)
  })

  it('an accreditor can never be the trainee’s own supervisor, even written straight to the database', async () => {
    const db = await getDb()
    const { mine } = await twoProgrammes(db)
    await expect(db.updateTable('enrolments').set({ external_accreditor_id: mine.supervisor.id }).where('id', '=', mine.enrolment.id).execute()).rejects.toThrow(CHECK_VIOLATION)
  })
})
