// The demo programme, modelled on the funded project in DOMAIN.md: one trust, a programme that
// started about 14 months ago with funding ending in about 4 months, 7 trainees at different points
// (on track, stalled, waiting on someone, accredited), 2 supervisors, 1 external accreditor,
// 1 programme lead and 1 admin. Every date is relative to `today`, so the demo never goes stale.
import { addDays, addMonths } from '~/utils/dates'
import { hashPassword } from '~/utils/password.server'
import { issueCertificates } from '~/models/certificate.server'
import type { Db } from '~/models/db-types'
import type { Role } from '~db/schema'
import { seedDemoEvaluation } from './demo-evaluation'
import { currentPractitionerRuleSet, earlierPractitionerRuleSet } from './rule-sets'

export const DEMO_PASSWORD = 'attune-demo-2026'

interface StagePlan {
  stage: number
  startedAgo: number
  /** Completed cycles this stage, and how many of them were with clients new to it. */
  cycles?: number
  newClients?: number
  sessions?: number
  pendingSessions?: number
  /** Days ago of the last cycle or session (defaults to a few days before the stage ended). */
  lastActivityAgo?: number
  writtenReflection?: 'submitted' | 'draft'
  signedOffAgo?: number
  accreditedAgo?: number
}

interface TraineePlan {
  email: string
  name: string
  jobTitle: string
  supervisor: 'sarah' | 'mark'
  /** An accredited supervisor as external accreditor instead of Dr Helen Price (never their own supervisee). */
  accreditor?: 'sarah' | 'mark'
  ruleSet: 'current' | 'earlier'
  stages: StagePlan[]
  /** Clients added but not yet filmed (e.g. consent not yet given). */
  waitingClients?: { code: string; consent: boolean }[]
  /** Days ago work ended with the stage's clients while recordings are still held. */
  clientsEndedAgo?: number
}

const HELPING_QUESTIONS = [
  'I want to understand what my baby is telling me when she cries.',
  'I would like bath time to feel calmer for both of us.',
  'How can I help him settle when I leave the room?',
  'I want to enjoy playing together again.',
  'I would like to know how to respond when she turns away from me.',
]

const trainees: TraineePlan[] = [
  {
    email: 'trainee@demo.attune.test',
    name: 'Amira Khan',
    jobTitle: 'Health visitor',
    supervisor: 'sarah',
    ruleSet: 'current',
    stages: [
      { stage: 0, startedAgo: 305, signedOffAgo: 303 },
      { stage: 1, startedAgo: 300, cycles: 6, newClients: 2, sessions: 7, writtenReflection: 'submitted', signedOffAgo: 140, accreditedAgo: 130 },
      { stage: 2, startedAgo: 130, cycles: 6, newClients: 2, sessions: 5, pendingSessions: 1, lastActivityAgo: 5 },
    ],
  },
  {
    email: 'ben.harper@demo.attune.test',
    name: 'Ben Harper',
    jobTitle: 'Family support worker',
    supervisor: 'sarah',
    ruleSet: 'earlier',
    stages: [
      { stage: 0, startedAgo: 425, signedOffAgo: 423 },
      { stage: 1, startedAgo: 420, cycles: 3, newClients: 1, sessions: 3, lastActivityAgo: 68 },
    ],
    clientsEndedAgo: 90,
  },
  {
    email: 'chloe.evans@demo.attune.test',
    name: 'Chloe Evans',
    jobTitle: 'Educational psychologist',
    supervisor: 'mark',
    ruleSet: 'current',
    stages: [
      { stage: 0, startedAgo: 425, signedOffAgo: 423 },
      { stage: 1, startedAgo: 420, cycles: 6, newClients: 2, sessions: 7, writtenReflection: 'submitted', signedOffAgo: 262, accreditedAgo: 255 },
      { stage: 2, startedAgo: 255, cycles: 9, newClients: 3, sessions: 8, writtenReflection: 'submitted', signedOffAgo: 120, accreditedAgo: 112 },
      { stage: 3, startedAgo: 112, cycles: 12, newClients: 3, sessions: 8, writtenReflection: 'submitted', signedOffAgo: 28, accreditedAgo: 20 },
    ],
  },
  {
    email: 'dan.okafor@demo.attune.test',
    name: 'Dan Okafor',
    jobTitle: 'Health visitor',
    supervisor: 'mark',
    ruleSet: 'current',
    stages: [
      { stage: 0, startedAgo: 425, signedOffAgo: 423 },
      { stage: 1, startedAgo: 420, cycles: 6, newClients: 2, sessions: 7, writtenReflection: 'submitted', signedOffAgo: 280, accreditedAgo: 270 },
      { stage: 2, startedAgo: 270, cycles: 9, newClients: 3, sessions: 8, writtenReflection: 'submitted', signedOffAgo: 130, accreditedAgo: 122 },
      { stage: 3, startedAgo: 122, cycles: 10, newClients: 3, sessions: 7, lastActivityAgo: 4, writtenReflection: 'draft' },
    ],
  },
  {
    email: 'ella.morris@demo.attune.test',
    name: 'Ella Morris',
    jobTitle: 'Family support worker',
    supervisor: 'sarah',
    ruleSet: 'current',
    stages: [
      { stage: 0, startedAgo: 205, signedOffAgo: 203 },
      { stage: 1, startedAgo: 200, cycles: 6, newClients: 2, sessions: 7, writtenReflection: 'submitted', lastActivityAgo: 21 },
    ],
  },
  {
    email: 'farah.ali@demo.attune.test',
    name: 'Farah Ali',
    jobTitle: 'Nursery nurse',
    supervisor: 'sarah',
    accreditor: 'mark',
    ruleSet: 'current',
    stages: [
      { stage: 0, startedAgo: 120, signedOffAgo: 118 },
      { stage: 1, startedAgo: 115, cycles: 0, newClients: 0, sessions: 2, lastActivityAgo: 40 },
    ],
    waitingClients: [{ code: 'FA-01', consent: false }],
  },
  {
    email: 'grace.lin@demo.attune.test',
    name: 'Grace Lin',
    jobTitle: 'Health visitor',
    supervisor: 'mark',
    ruleSet: 'current',
    stages: [
      { stage: 0, startedAgo: 425, signedOffAgo: 423 },
      { stage: 1, startedAgo: 420, cycles: 6, newClients: 2, sessions: 7, writtenReflection: 'submitted', signedOffAgo: 255, accreditedAgo: 250 },
      { stage: 2, startedAgo: 250, cycles: 9, newClients: 3, sessions: 8, writtenReflection: 'submitted', signedOffAgo: 25 },
    ],
  },
]

export async function seedDemoProgramme(db: Db, today: string): Promise<void> {
  const ago = (days: number) => addDays(today, -days)
  const passwordHash = await hashPassword(DEMO_PASSWORD)

  const { id: organisationId } = await db.insertInto('organisations').values({ name: 'Northfield NHS Foundation Trust' }).returning('id').executeTakeFirstOrThrow()

  const addUser = async (email: string, name: string, roles: Role | Role[], jobTitle: string) => {
    const { id } = await db
      .insertInto('users')
      .values({ email, name, job_title: jobTitle, organisation_id: organisationId, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('user_roles')
      .values([roles].flat().map((role) => ({ user_id: id, role })))
      .execute()
    return id
  }

  await addUser('admin@demo.attune.test', 'Alex Morgan', 'admin', 'Systems administrator')
  const leadId = await addUser('lead@demo.attune.test', 'Priya Patel', 'lead', 'Early years programme lead')
  const supervisors = {
    sarah: await addUser('supervisor@demo.attune.test', 'Sarah Thompson', 'supervisor', 'Accredited VIG supervisor'),
    // Mark also accredits a trainee he does not supervise: one sign-in, two roles (ADR 0018).
    mark: await addUser('supervisor2@demo.attune.test', 'Mark Reid', ['supervisor', 'accreditor'], 'Accredited VIG supervisor'),
  }
  const helenId = await addUser('accreditor@demo.attune.test', 'Dr Helen Price', 'accreditor', 'External VIG supervisor')

  const ruleSetIds = {
    current: await ruleSetId(db, currentPractitionerRuleSet.key),
    earlier: await ruleSetId(db, earlierPractitionerRuleSet.key),
  }
  const { id: programmeId } = await db
    .insertInto('programmes')
    .values({
      organisation_id: organisationId,
      name: 'Northfield VIG Early Years Programme',
      started_on: addMonths(today, -14),
      funding_ends_on: addMonths(today, 4),
      budget_pence: 2_400_000,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('programme_leads').values({ programme_id: programmeId, user_id: leadId }).execute()
  await db
    .insertInto('programme_supervisors')
    .values([
      { programme_id: programmeId, user_id: supervisors.sarah, capacity_minutes_per_month: 8 * 60 },
      { programme_id: programmeId, user_id: supervisors.mark, capacity_minutes_per_month: 6 * 60 },
    ])
    .execute()

  const principles = await db.selectFrom('principles').select('id').orderBy('position').execute()

  for (const plan of trainees) {
    const traineeId = await addUser(plan.email, plan.name, 'trainee', plan.jobTitle)
    const supervisorId = supervisors[plan.supervisor]
    const accreditorId = plan.accreditor ? supervisors[plan.accreditor] : helenId
    const rules = plan.ruleSet === 'current' ? currentPractitionerRuleSet : earlierPractitionerRuleSet
    const finalStage = Math.max(...rules.stages.map((s) => s.stageNumber))
    const current = plan.stages[plan.stages.length - 1]
    const accreditedFinal = current.stage === finalStage && current.accreditedAgo !== undefined
    const enrolledOn = ago(plan.stages[0].startedAgo + 7)

    const { id: enrolmentId } = await db
      .insertInto('enrolments')
      .values({
        trainee_id: traineeId,
        programme_id: programmeId,
        rule_set_id: ruleSetIds[plan.ruleSet],
        started_on: enrolledOn,
        current_stage: current.stage,
        status: accreditedFinal ? 'accredited' : 'active',
        supervisor_id: supervisorId,
        external_accreditor_id: accreditorId,
        registration_paid_on: ago(plan.stages[0].startedAgo - 5),
        completed_on: accreditedFinal ? ago(current.accreditedAgo!) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('enrolment_assignments')
      .values([
        { enrolment_id: enrolmentId, kind: 'supervisor', user_id: supervisorId, from_on: enrolledOn, assigned_by: leadId },
        { enrolment_id: enrolmentId, kind: 'accreditor', user_id: accreditorId, from_on: enrolledOn, assigned_by: leadId },
      ])
      .execute()
    await audit(db, { at: enrolledOn, actor: leadId, action: 'enrolment.created', type: 'enrolment', id: enrolmentId, enrolmentId, after: { startedOn: enrolledOn } })

    let clientNumber = 0
    for (const stagePlan of plan.stages) {
      const rule = rules.stages.find((s) => s.stageNumber === stagePlan.stage)!
      const startedOn = ago(stagePlan.startedAgo)
      const endAgo = stagePlan.lastActivityAgo ?? (stagePlan.signedOffAgo ?? 0) + 3
      const complete = stagePlan.accreditedAgo !== undefined || (!rule.requiresExternalAccreditation && stagePlan.signedOffAgo !== undefined)
      await db
        .insertInto('enrolment_stages')
        .values({
          enrolment_id: enrolmentId,
          stage_number: stagePlan.stage,
          status: complete ? (rule.requiresExternalAccreditation ? 'accredited' : 'signed_off') : stagePlan.signedOffAgo !== undefined ? 'signed_off' : 'in_progress',
          started_on: startedOn,
          completed_on: complete ? ago(stagePlan.accreditedAgo ?? stagePlan.signedOffAgo!) : null,
          locked: stagePlan.signedOffAgo !== undefined ? 1 : 0,
        })
        .execute()
      // Waiting for accreditation: the next stage is open provisionally from the day after sign-off (ADR 0016).
      if (!complete && stagePlan.signedOffAgo !== undefined && stagePlan.stage < finalStage) {
        const next = rules.stages.find((s) => s.stageNumber > stagePlan.stage)!
        await db
          .insertInto('enrolment_stages')
          .values({ enrolment_id: enrolmentId, stage_number: next.stageNumber, status: 'in_progress', started_on: ago(stagePlan.signedOffAgo - 1), locked: 0 })
          .execute()
      }

      if (rule.requiresIntroductionSession) {
        await db
          .insertInto('stage_meetings')
          .values({
            enrolment_id: enrolmentId,
            stage_number: stagePlan.stage,
            kind: 'introduction',
            held_on: ago(stagePlan.startedAgo - 3),
            outcome: 'held',
            notes: 'Introduction to the stage: expectations and first clients.',
            recorded_by: supervisorId,
          })
          .execute()
      }

      // Clients new to this stage, then cycles spread evenly from the stage start to its last activity.
      const clientIds: number[] = []
      const newClients = stagePlan.newClients ?? 0
      for (let i = 0; i < newClients; i++) {
        clientNumber += 1
        const firstFilmedAgo = stagePlan.startedAgo - 10 - i * 12
        const ended = complete || plan.clientsEndedAgo !== undefined
        const endedAgo = plan.clientsEndedAgo ?? Math.max(endAgo - 7, 1)
        const { id } = await db
          .insertInto('clients')
          .values({
            trainee_id: traineeId,
            code: `${initials(plan.name)}-${String(clientNumber).padStart(2, '0')}`,
            relationship: i % 3 === 2 ? 'parent_toddler' : 'parent_infant',
            helping_question: HELPING_QUESTIONS[(clientNumber - 1) % HELPING_QUESTIONS.length],
            consent_given_on: ago(firstFilmedAgo + 4),
            consent_supervision: 1,
            consent_intervision: 1,
            consent_training_events: clientNumber % 2 === 0 ? 1 : 0,
            work_ended_on: ended ? ago(endedAgo) : null,
            recordings_erased_on: ended && plan.clientsEndedAgo === undefined && endedAgo > 60 ? ago(endedAgo - 50) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        clientIds.push(id)
      }
      const cycleCount = stagePlan.cycles ?? 0
      const span = stagePlan.startedAgo - endAgo
      for (let i = 0; i < cycleCount; i++) {
        const reviewedAgo = i === cycleCount - 1 ? endAgo : Math.round(stagePlan.startedAgo - ((i + 1) * span) / cycleCount)
        await db
          .insertInto('cycles')
          .values({
            enrolment_id: enrolmentId,
            client_id: clientIds[i % clientIds.length],
            filmed_on: ago(reviewedAgo + 6),
            reviewed_on: ago(reviewedAgo),
            stage_number: stagePlan.stage,
            clip_count: 2 + (i % 2),
            notes: i % 2 ? 'Parent noticed how the baby turned towards her voice.' : 'Lovely turn-taking during nappy change; parent named it herself.',
          })
          .execute()
      }

      const sessionCount = (stagePlan.sessions ?? 0) + (stagePlan.pendingSessions ?? 0)
      for (let i = 0; i < sessionCount; i++) {
        const heldAgo = i === sessionCount - 1 ? endAgo : Math.round(stagePlan.startedAgo - ((i + 1) * span) / sessionCount) - 1
        const pending = i >= (stagePlan.sessions ?? 0)
        const { id: sessionId } = await db
          .insertInto('supervision_sessions')
          .values({
            enrolment_id: enrolmentId,
            supervisor_id: supervisorId,
            held_on: ago(heldAgo),
            minutes: 60,
            format: i % 3 === 1 ? 'group' : i % 3 === 2 ? 'remote' : 'one_to_one',
            stage_number: stagePlan.stage,
            notes: 'Looked at clips from my shared review; worked on receiving initiatives.',
            status: pending ? 'pending' : 'confirmed',
            decided_by: pending ? null : supervisorId,
            decided_at: pending ? null : `${ago(Math.max(heldAgo - 2, 0))}T10:00:00.000Z`,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (clientIds.length) {
          await db
            .insertInto('supervision_session_clients')
            .values({ session_id: sessionId, client_id: clientIds[i % clientIds.length] })
            .execute()
        }
        if (i % 2 === 0 && !pending) {
          const read = stagePlan !== current || stagePlan.signedOffAgo !== undefined || i < sessionCount - 2
          const { id: reflectionId } = await db
            .insertInto('reflections')
            .values({
              enrolment_id: enrolmentId,
              kind: 'session',
              stage_number: stagePlan.stage,
              supervision_session_id: sessionId,
              body: 'I waited longer before speaking and the parent found the moment herself.',
              status: 'submitted',
              submitted_at: `${ago(heldAgo)}T18:00:00.000Z`,
              // Supervisors have read everything but the most recent reflection of the current stage.
              feedback: read ? 'Good noticing. Next time, try naming the initiative you saw.' : null,
              feedback_by: read ? supervisorId : null,
              feedback_at: read ? `${ago(Math.max(heldAgo - 3, 0))}T09:00:00.000Z` : null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          await db
            .insertInto('reflection_ratings')
            .values(principles.map((p, k) => ({ reflection_id: reflectionId, principle_id: p.id, rating: 2 + ((k + i) % 3) })))
            .execute()
        }
      }

      for (const waiting of stagePlan === current ? (plan.waitingClients ?? []) : []) {
        await db
          .insertInto('clients')
          .values({
            trainee_id: traineeId,
            code: waiting.code,
            relationship: 'parent_infant',
            helping_question: HELPING_QUESTIONS[0],
            consent_given_on: waiting.consent ? ago(10) : null,
            consent_supervision: waiting.consent ? 1 : 0,
          })
          .execute()
      }

      if (stagePlan.writtenReflection) {
        const submitted = stagePlan.writtenReflection === 'submitted'
        await db
          .insertInto('reflections')
          .values({
            enrolment_id: enrolmentId,
            kind: 'stage_end',
            stage_number: stagePlan.stage,
            body: `Looking back over ${rule.name}, the biggest change in my guiding is that I now wait for the parent to notice the moment before I name it. Early on I talked over the clips; by the last shared reviews the parents were leading the discussion and I was deepening it.`,
            status: submitted ? 'submitted' : 'draft',
            submitted_at: submitted ? `${ago(Math.max(endAgo - 1, 0))}T17:00:00.000Z` : null,
            ...(stagePlan.signedOffAgo !== undefined
              ? { feedback: 'Thoughtful and honest: ready for the next stage.', feedback_by: supervisorId, feedback_at: `${ago(stagePlan.signedOffAgo)}T09:00:00.000Z` }
              : {}),
          })
          .execute()
      }

      if (stagePlan.signedOffAgo !== undefined) {
        await signOffAndAccredit(db, {
          enrolmentId,
          stagePlan,
          rule,
          supervisorId,
          accreditorId,
          ago,
        })
      }
    }
  }
  await seedDemoEvaluation(db, programmeId, today)
}

async function signOffAndAccredit(
  db: Db,
  input: {
    enrolmentId: number
    stagePlan: StagePlan
    rule: (typeof currentPractitionerRuleSet)['stages'][number]
    supervisorId: number
    accreditorId: number
    ago: (days: number) => string
  },
): Promise<void> {
  const { enrolmentId, stagePlan, rule, supervisorId, accreditorId, ago } = input
  const signedOn = ago(stagePlan.signedOffAgo!)
  await db
    .insertInto('stage_meetings')
    .values({
      enrolment_id: enrolmentId,
      stage_number: rule.stageNumber,
      kind: rule.endMeeting,
      held_on: signedOn,
      outcome: 'passed',
      notes: `${rule.name} reviewed together; all requirements met.`,
      recorded_by: supervisorId,
    })
    .execute()
  const { id: signOffId } = await db
    .insertInto('sign_offs')
    .values({
      enrolment_id: enrolmentId,
      stage_number: rule.stageNumber,
      signed_off_by: supervisorId,
      signed_off_at: `${signedOn}T15:00:00.000Z`,
      readiness_json: JSON.stringify({ cycles: stagePlan.cycles ?? 0, newClients: stagePlan.newClients ?? 0, supervisionMinutes: (stagePlan.sessions ?? 0) * 60 }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(db, {
    at: signedOn,
    actor: supervisorId,
    action: 'stage.signed_off',
    type: 'sign_off',
    id: signOffId,
    enrolmentId,
    after: { stageNumber: rule.stageNumber, status: 'signed_off', locked: 1 },
  })
  if (stagePlan.accreditedAgo === undefined || !rule.requiresExternalAccreditation) return

  const accreditedOn = ago(stagePlan.accreditedAgo)
  const issuedAt = `${accreditedOn}T11:00:00.000Z`
  const { id: accreditationId } = await db
    .insertInto('accreditations')
    .values({ enrolment_id: enrolmentId, stage_number: rule.stageNumber, sign_off_id: signOffId, accreditor_id: accreditorId, decision: 'accredited', decided_at: issuedAt, reasons: '' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(db, {
    at: accreditedOn,
    actor: accreditorId,
    action: 'stage.accredited',
    type: 'accreditation',
    id: accreditationId,
    enrolmentId,
    after: { stageNumber: rule.stageNumber, status: 'accredited', accreditedOn },
  })
  await issueCertificates(db, { enrolmentId, accreditationId, stageNumber: rule.stageNumber, accreditedOn, issuedAt })
}

/** An audit row as the app would write it, with the facts its sentence names (app/utils/audit-wording.ts). */
async function audit(db: Db, entry: { at: string; actor: number; action: string; type: string; id: number; enrolmentId: number; after: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: `${entry.at}T12:00:00.000Z`,
      actor_id: entry.actor,
      action: entry.action,
      entity_type: entry.type,
      entity_id: entry.id,
      enrolment_id: entry.enrolmentId,
      after_json: JSON.stringify(entry.after),
      reason: 'Demo data',
    })
    .execute()
}

async function ruleSetId(db: Db, key: string): Promise<number> {
  return (await db.selectFrom('rule_sets').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .toUpperCase()
}
