// A trainee's whole record to take with them (for instance to a new employer): the portfolio, the
// evidence tables and a portable JSON of everything, for anyone who may see the enrolment. Clients
// appear by code with their consent dates; helping questions and notes about families stay behind.
// Reflections after supervision are the trainee's own writing: only the trainee gets their text.
import { isOwnEnrolment, type Viewer } from './access.server'
import type { Db } from './db-types'
import { findVisibleEnrolment } from './enrolment.server'
import { exportTables } from './programme-export.server'
import { loadPortfolio } from './portfolio.server'

export const RECORD_FORMAT = 'attune-trainee-record'

export async function loadTraineeRecord(db: Db, viewer: Viewer, enrolmentId: number, generatedOn: string) {
  const [enrolment, portfolio] = await Promise.all([findVisibleEnrolment(db, viewer, enrolmentId), loadPortfolio(db, viewer, enrolmentId)])
  if (!enrolment || !portfolio) return undefined
  const ownRecord = isOwnEnrolment(viewer, enrolment)
  const [tables, trainee, ruleSet, clients, reflections, certificates] = await Promise.all([
    exportTables(db, [enrolment.id]),
    db.selectFrom('users').select(['name', 'email', 'job_title']).where('id', '=', enrolment.trainee_id).executeTakeFirstOrThrow(),
    db.selectFrom('rule_sets').select(['key', 'name', 'version']).where('id', '=', enrolment.rule_set_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('clients')
      .select([
        'code',
        'consent_given_on',
        'consent_supervision',
        'consent_intervision',
        'consent_training_events',
        'consent_evaluation',
        'consent_withdrawn_on',
        'work_ended_on',
        'recordings_erased_on',
      ])
      .where('trainee_id', '=', enrolment.trainee_id)
      .where((eb) => eb.exists(eb.selectFrom('cycles').select('cycles.id').whereRef('cycles.client_id', '=', 'clients.id').where('cycles.enrolment_id', '=', enrolment.id)))
      .orderBy('code')
      .execute(),
    db
      .selectFrom('reflections')
      .select(['stage_number', 'kind', 'status', 'body', 'submitted_at', 'feedback', 'feedback_at'])
      .where('enrolment_id', '=', enrolment.id)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('certificates').select(['number', 'level', 'accredited_on', 'revoked_at']).where('enrolment_id', '=', enrolment.id).orderBy('issued_at').execute(),
  ])
  const json = {
    format: RECORD_FORMAT,
    version: 1,
    generatedOn,
    trainee: { name: trainee.name, email: trainee.email, jobTitle: trainee.job_title },
    programme: enrolment.programme_name,
    ruleSet: { key: ruleSet.key, name: ruleSet.name, version: ruleSet.version },
    status: enrolment.status,
    currentStage: enrolment.current_stage,
    enrolledOn: enrolment.started_on,
    completedOn: enrolment.completed_on,
    stages: portfolio.stages.map((s) => ({
      stage: s.stageNumber,
      name: s.name,
      status: s.status,
      startedOn: s.startedOn,
      completedOn: s.completedOn,
      requirements: s.readiness.requirements.map((r) => ({ requirement: r.label, done: r.done, required: r.required, unit: r.unit, met: r.met })),
    })),
    clients: clients.map((c) => ({
      code: c.code,
      consentGivenOn: c.consent_given_on,
      consentToSupervision: c.consent_supervision === 1,
      consentToIntervision: c.consent_intervision === 1,
      consentToTrainingEvents: c.consent_training_events === 1,
      consentToEvaluation: c.consent_evaluation === 1,
      consentWithdrawnOn: c.consent_withdrawn_on,
      workEndedOn: c.work_ended_on,
      recordingsErasedOn: c.recordings_erased_on,
    })),
    cycles: tables.cycles,
    supervisionSessions: tables.supervision_sessions,
    signOffs: tables.sign_offs,
    reflections: reflections.map((r) => ({
      stage: r.stage_number,
      kind: r.kind,
      status: r.status,
      submittedAt: r.submitted_at,
      // A submitted stage-end reflection is read by the accreditor and printed in the portfolio; drafts and the rest are the trainee's own.
      text: (r.kind === 'stage_end' && r.status === 'submitted') || ownRecord ? r.body : null,
      feedback: r.feedback,
      feedbackAt: r.feedback_at,
    })),
    certificates: certificates.map((c) => ({ number: c.number, level: c.level, accreditedOn: c.accredited_on, revoked: c.revoked_at !== null })),
  }
  return { portfolio, tables, json }
}
