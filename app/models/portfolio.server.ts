// The accreditation portfolio: a trainee's whole evidence record, stage by stage. Only the
// trainee's own records are read (everything is filtered by this enrolment), so no other trainee's
// free text can appear; clients are codes, never names.
import { stageReadiness, type ReadinessVoice, type StageReadiness } from '~/domain/readiness'
import { stageOf } from '~/domain/rule-set'
import type { Db } from './db-types'
import { enrolmentScope, type EnrolmentScope, type Viewer } from './access.server'
import { findEnrolmentInScope } from './enrolment.server'
import { loadEvidence } from './evidence.server'
import { getRuleSet } from './rule-set.server'

/**
 * The portfolio of one enrolment, stage by stage (readiness, cycles, supervision with who confirmed
 * it, session reflections with the supervisor's feedback but not the trainee's text, meetings,
 * sign-offs, accreditation decisions, the submitted written reflection). `scope` narrows who may
 * read it (default: anyone who may see the enrolment; the accreditor's evidence pack passes
 * `accreditedBy`); readiness is spoken in `voice` (the pack speaks of the trainee by name).
 * Undefined when the enrolment lies outside it.
 */
export async function loadPortfolio(db: Db, viewer: Viewer, enrolmentId: number, scope: EnrolmentScope = enrolmentScope(viewer), voice: ReadinessVoice = {}) {
  const enrolment = await findEnrolmentInScope(db, scope, enrolmentId)
  if (!enrolment) return undefined
  const id = enrolment.id
  const [ruleSet, evidence, stages, cycles, sessions, reflections, meetings, signOffs, accreditations, people] = await Promise.all([
    getRuleSet(db, enrolment.rule_set_id),
    loadEvidence(db, [id]),
    db.selectFrom('enrolment_stages').selectAll().where('enrolment_id', '=', id).orderBy('stage_number').execute(),
    db
      .selectFrom('cycles')
      .innerJoin('clients', 'clients.id', 'cycles.client_id')
      .select(['cycles.id', 'cycles.stage_number', 'cycles.filmed_on', 'cycles.reviewed_on', 'cycles.clip_count', 'clients.code as client_code'])
      .where('cycles.enrolment_id', '=', id)
      .orderBy('cycles.reviewed_on')
      .orderBy('cycles.filmed_on')
      .execute(),
    db
      .selectFrom('supervision_sessions')
      .leftJoin('users as decider', 'decider.id', 'supervision_sessions.decided_by')
      .innerJoin('users as supervisor', 'supervisor.id', 'supervision_sessions.supervisor_id')
      .select([
        'supervision_sessions.id',
        'supervision_sessions.stage_number',
        'supervision_sessions.held_on',
        'supervision_sessions.minutes',
        'supervision_sessions.format',
        'supervision_sessions.status',
        'supervision_sessions.decided_at',
        'decider.name as decided_by_name',
        'supervisor.name as supervisor_name',
      ])
      .where('supervision_sessions.enrolment_id', '=', id)
      .orderBy('supervision_sessions.held_on')
      .execute(),
    db
      .selectFrom('reflections')
      .leftJoin('supervision_sessions as session', 'session.id', 'reflections.supervision_session_id')
      .leftJoin('users as feedback_author', 'feedback_author.id', 'reflections.feedback_by')
      .select([
        'reflections.id',
        'reflections.stage_number',
        'reflections.kind',
        'reflections.status',
        'reflections.body',
        'reflections.submitted_at',
        'reflections.created_at',
        'reflections.feedback',
        'reflections.feedback_at',
        'feedback_author.name as feedback_by_name',
        'session.held_on as session_held_on',
      ])
      .where('reflections.enrolment_id', '=', id)
      .orderBy('reflections.created_at')
      .orderBy('reflections.id')
      .execute(),
    db
      .selectFrom('stage_meetings')
      .innerJoin('users', 'users.id', 'stage_meetings.recorded_by')
      .select([
        'stage_meetings.stage_number',
        'stage_meetings.kind',
        'stage_meetings.held_on',
        'stage_meetings.outcome',
        'stage_meetings.notes',
        'stage_meetings.actions',
        'users.name as recorded_by_name',
      ])
      .where('stage_meetings.enrolment_id', '=', id)
      .orderBy('stage_meetings.held_on')
      .orderBy('stage_meetings.id')
      .execute(),
    db
      .selectFrom('sign_offs')
      .innerJoin('users', 'users.id', 'sign_offs.signed_off_by')
      .select(['sign_offs.id', 'sign_offs.stage_number', 'sign_offs.signed_off_at', 'sign_offs.override_reason', 'sign_offs.superseded_at', 'users.name as signed_off_by_name'])
      .where('sign_offs.enrolment_id', '=', id)
      .orderBy('sign_offs.signed_off_at')
      .execute(),
    db
      .selectFrom('accreditations')
      .innerJoin('users', 'users.id', 'accreditations.accreditor_id')
      .select(['accreditations.stage_number', 'accreditations.decision', 'accreditations.decided_at', 'accreditations.reasons', 'users.name as accreditor_name'])
      .where('accreditations.enrolment_id', '=', id)
      .orderBy('accreditations.decided_at')
      .execute(),
    db
      .selectFrom('enrolments')
      .leftJoin('users as supervisor', 'supervisor.id', 'enrolments.supervisor_id')
      .leftJoin('users as accreditor', 'accreditor.id', 'enrolments.external_accreditor_id')
      .select(['supervisor.name as supervisor_name', 'accreditor.name as accreditor_name'])
      .where('enrolments.id', '=', id)
      .executeTakeFirstOrThrow(),
  ])
  const stageEvidence = evidence.get(id)!
  const byStage = <T extends { stage_number: number | null }>(rows: T[], stage: number) => rows.filter((r) => r.stage_number === stage)
  return {
    enrolmentId: id,
    traineeName: enrolment.trainee_name,
    programmeName: enrolment.programme_name,
    ruleSetName: ruleSet.name,
    ruleSetVersion: ruleSet.version,
    awardTitle: ruleSet.awardTitle,
    accredited: enrolment.status === 'accredited',
    completedOn: enrolment.completed_on,
    supervisorName: people.supervisor_name,
    accreditorName: people.accreditor_name,
    inProgressCycles: cycles.filter((c) => c.reviewed_on === null).length,
    stages: stages.map((stage) => {
      const readiness: StageReadiness = stageReadiness(ruleSet, stage.stage_number, stageEvidence, voice)
      return {
        stageNumber: stage.stage_number,
        name: readiness.stageName,
        // A stage that needs no external accreditation (the course) is complete once signed off.
        status: stage.status === 'signed_off' && !stageOf(ruleSet, stage.stage_number).requiresExternalAccreditation ? ('completed' as const) : stage.status,
        startedOn: stage.started_on,
        completedOn: stage.completed_on,
        recognisedReason: stage.recognised_reason,
        readiness,
        cycles: byStage(cycles, stage.stage_number),
        sessions: byStage(sessions, stage.stage_number),
        reflections: byStage(reflections, stage.stage_number)
          .filter((r) => r.kind === 'session')
          .map(({ body: _private, ...r }) => r),
        writtenReflection: byStage(reflections, stage.stage_number).find((r) => r.kind === 'stage_end' && r.status === 'submitted') ?? null,
        meetings: byStage(meetings, stage.stage_number),
        signOffs: byStage(signOffs, stage.stage_number),
        accreditations: byStage(accreditations, stage.stage_number),
      }
    }),
  }
}

export type Portfolio = NonNullable<Awaited<ReturnType<typeof loadPortfolio>>>
