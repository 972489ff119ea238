// Kysely's view of the database. Must match db/migrations (checked by tests/integration/db/schema.test.ts).
// Dates: CalendarDate = 'yyyy-MM-dd'; Instant = ISO-8601 UTC text. Booleans are 0 | 1. Money in pence.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

export type CalendarDate = string
export type Instant = string
export type Flag = 0 | 1
type CreatedAt = ColumnType<Instant, Instant | undefined, Instant>

export type Role = 'trainee' | 'supervisor' | 'accreditor' | 'lead' | 'admin'
export type EndMeeting = 'course_completion' | 'transition' | 'midpoint' | 'accreditation'
export type MeetingKind = 'introduction' | EndMeeting
export type SupervisionFormat = 'one_to_one' | 'group' | 'remote'
export type SupervisionStatus = 'pending' | 'confirmed' | 'returned'
export type EnrolmentStatus = 'active' | 'paused' | 'withdrawn' | 'accredited'
export type StageStatus = 'in_progress' | 'signed_off' | 'accredited' | 'recognised'

export interface OrganisationsTable {
  id: Generated<number>
  name: string
  created_at: CreatedAt
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  organisation_id: number | null
  job_title: string | null
  password_hash: string | null
  failed_logins: Generated<number>
  last_failed_login_at: Instant | null
  deactivated_at: Instant | null
  /** How often non-essential e-mail goes out (migration 0013). */
  email_frequency: Generated<EmailFrequency>
  created_at: CreatedAt
}

export type EmailFrequency = 'immediate' | 'daily' | 'weekly' | 'off'

/** The roles a person holds, one row each (migration 0111, ADR 0018): a person may hold several. */
export interface UserRolesTable {
  user_id: number
  role: Role
}

export interface SessionsTable {
  id: string
  user_id: number | null
  data: Generated<string>
  expires_at: Instant
  created_at: CreatedAt
}

/** A form posted after its session ended, kept for its owner until they sign in again. */
export interface KeptFormsTable {
  token_hash: string
  user_id: number
  path: string
  /** JSON: the form's text fields, name to value (or values). */
  fields: string
  kept_at: Instant
  expires_at: Instant
}

export interface PasswordTokensTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  expires_at: Instant
  used_at: Instant | null
  created_by: number | null
  created_at: CreatedAt
  purpose: Generated<'invitation' | 'reset'>
}

export interface PathwaysTable {
  id: Generated<number>
  key: string
  name: string
  description: Generated<string>
}

export interface RuleSetsTable {
  id: Generated<number>
  pathway_id: number
  key: string
  name: string
  version: number
  status: 'draft' | 'active' | 'retired'
  effective_from: CalendarDate
  source: Generated<string>
  award_title: string
  registration_fee_pence: Generated<number>
  recording_retention_days: number
  supervision_gap_weeks: number
  cycle_gap_weeks: number
  overrun_red_months: number
  behind_pace_ratio: number
  waiting_days: number
  erasure_warning_days: number
  /** Migration 0101: warn (never refuse) above these on one day. */
  max_supervision_minutes_per_day: Generated<number>
  max_shared_reviews_per_day: Generated<number>
  created_at: CreatedAt
}

export interface RuleSetStagesTable {
  id: Generated<number>
  rule_set_id: number
  stage_number: number
  name: string
  required_cycles: Generated<number>
  required_new_clients: Generated<number>
  required_supervision_minutes: Generated<number>
  requires_introduction_session: Generated<Flag>
  end_meeting: EndMeeting
  requires_written_reflection: Generated<Flag>
  requires_external_accreditation: Generated<Flag>
  expected_months: number
  fee_pence: Generated<number>
  /** Migration 0102: up to this many minutes of the stage's supervision may be met by training logged in place of it. */
  supervision_by_training_minutes: Generated<number>
}

export interface PrinciplesTable {
  id: Generated<number>
  position: number
  name: string
  description: Generated<string>
  active: Generated<Flag>
}

export interface ProgrammesTable {
  id: Generated<number>
  organisation_id: number
  name: string
  started_on: CalendarDate
  funding_ends_on: CalendarDate
  budget_pence: Generated<number>
  registration_fee_pence: number | null
  created_at: CreatedAt
}

export interface ProgrammeLeadsTable {
  programme_id: number
  user_id: number
}

export interface ProgrammeSupervisorsTable {
  programme_id: number
  user_id: number
  capacity_minutes_per_month: Generated<number>
}

export interface ProgrammeStageFeesTable {
  programme_id: number
  stage_number: number
  fee_pence: number
}

export interface EnrolmentsTable {
  id: Generated<number>
  trainee_id: number
  programme_id: number
  rule_set_id: number
  started_on: CalendarDate
  current_stage: number
  status: Generated<EnrolmentStatus>
  supervisor_id: number | null
  external_accreditor_id: number | null
  joined_at_stage: Generated<number>
  prior_learning_reason: string | null
  registration_paid_on: CalendarDate | null
  completed_on: CalendarDate | null
  created_at: CreatedAt
  /** Bumped by triggers on every change progress depends on (db/progress-stamps.ts, ADR 0022). */
  progress_stamp: Generated<number>
}

export interface EnrolmentAssignmentsTable {
  id: Generated<number>
  enrolment_id: number
  kind: 'supervisor' | 'accreditor'
  user_id: number
  from_on: CalendarDate
  to_on: CalendarDate | null
  assigned_by: number | null
  reason: string | null
}

export interface EnrolmentStagesTable {
  id: Generated<number>
  enrolment_id: number
  stage_number: number
  status: StageStatus
  started_on: CalendarDate
  completed_on: CalendarDate | null
  locked: Generated<Flag>
  recognised_reason: string | null
}

export interface ClientsTable {
  id: Generated<number>
  trainee_id: number
  code: string
  relationship: string
  helping_question: Generated<string>
  consent_given_on: CalendarDate | null
  consent_supervision: Generated<Flag>
  consent_intervision: Generated<Flag>
  consent_training_events: Generated<Flag>
  consent_evaluation: Generated<Flag>
  consent_withdrawn_on: CalendarDate | null
  work_ended_on: CalendarDate | null
  recordings_erased_on: CalendarDate | null
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface CyclesTable {
  id: Generated<number>
  enrolment_id: number
  client_id: number
  filmed_on: CalendarDate
  reviewed_on: CalendarDate | null
  stage_number: number | null
  clip_count: Generated<number>
  notes: Generated<string>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface SupervisionSessionsTable {
  id: Generated<number>
  enrolment_id: number
  supervisor_id: number
  held_on: CalendarDate
  minutes: number
  format: SupervisionFormat
  stage_number: number
  notes: Generated<string>
  status: Generated<SupervisionStatus>
  decided_by: number | null
  decided_at: Instant | null
  return_comment: string | null
  /** Migration 0102: 'training' is training logged in place of supervision (a stage's substitution). */
  kind: Generated<'supervision' | 'training'>
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface SupervisionSessionClientsTable {
  session_id: number
  client_id: number
}

export interface ReflectionsTable {
  id: Generated<number>
  enrolment_id: number
  kind: 'session' | 'stage_end'
  stage_number: number
  supervision_session_id: number | null
  body: Generated<string>
  status: Generated<'draft' | 'submitted'>
  submitted_at: Instant | null
  feedback: string | null
  feedback_by: number | null
  feedback_at: Instant | null
  created_at: CreatedAt
  updated_at: CreatedAt
}

export interface ReflectionRatingsTable {
  reflection_id: number
  principle_id: number
  rating: number
  comment: Generated<string>
}

export interface StageMeetingsTable {
  id: Generated<number>
  enrolment_id: number
  stage_number: number
  kind: MeetingKind
  held_on: CalendarDate
  outcome: 'held' | 'passed' | 'not_yet'
  notes: Generated<string>
  actions: Generated<string>
  recorded_by: number
  created_at: CreatedAt
}

export interface SignOffsTable {
  id: Generated<number>
  enrolment_id: number
  stage_number: number
  signed_off_by: number
  signed_off_at: Instant
  override_reason: string | null
  readiness_json: string
  superseded_at: Instant | null
}

export interface AccreditationsTable {
  id: Generated<number>
  enrolment_id: number
  stage_number: number
  sign_off_id: number
  accreditor_id: number
  decision: 'accredited' | 'returned'
  decided_at: Instant
  reasons: Generated<string>
}

export interface CertificatesTable {
  id: Generated<number>
  number: string
  enrolment_id: number
  accreditation_id: number
  stage_number: number
  level: string
  holder_name: string
  accredited_on: CalendarDate
  issued_at: Instant
  revoked_at: Instant | null
  revoked_by: number | null
  revoke_reason: string | null
}

export interface ConcernsTable {
  id: Generated<number>
  enrolment_id: number
  flag_code: string
  note: string
  action_plan: Generated<string>
  review_on: CalendarDate | null
  raised_by: number
  created_at: CreatedAt
  cleared_at: Instant | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: CreatedAt
  actor_id: number | null
  action: string
  entity_type: string
  entity_id: number | null
  enrolment_id: number | null
  before_json: string | null
  after_json: string | null
  reason: string | null
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'held' | 'bundled'

export interface OutboxTable {
  id: Generated<number>
  kind: string
  recipient_id: number | null
  to_address: string
  subject: string
  text_body: string
  html_body: string
  link: string | null
  unsubscribe_url: string | null
  essential: Generated<number>
  status: OutboxStatus
  attempts: Generated<number>
  next_attempt_at: Instant
  claim_token: string | null
  claimed_at: Instant | null
  last_error: string | null
  sent_at: Instant | null
  dedupe_key: string | null
  created_at: Instant
}

export interface SchedulerRunsTable {
  job: string
  period: string
  holder: string
  started_at: Instant
  state_json: string | null
}

export interface PasswordResetRequestsTable {
  id: Generated<number>
  email: string
  requested_at: Instant
}

export type TimePoint = 'before' | 'after' | 'follow_up'
export type Respondent = 'family' | 'practitioner' | 'manager'

export interface OutcomeMeasuresTable {
  id: Generated<number>
  name: string
  construct: string
  min_score: number
  max_score: number
  higher_is_better: Flag
  has_follow_up: Generated<Flag>
  active: Generated<Flag>
  created_at: CreatedAt
}

export interface OutcomeScoresTable {
  id: Generated<number>
  client_id: number
  measure_id: number
  time_point: TimePoint
  score: number
  scored_on: CalendarDate
  recorded_by: number
  created_at: CreatedAt
}

export interface EvaluationFeedbackTable {
  id: Generated<number>
  programme_id: number
  respondent: Respondent
  acceptability: number
  feasibility: number
  helped: Generated<string>
  got_in_the_way: Generated<string>
  given_on: CalendarDate
  via_link: Generated<Flag>
  created_at: CreatedAt
}

export interface FeedbackLinksTable {
  id: Generated<number>
  programme_id: number
  respondent: Respondent
  token_hash: string
  expires_at: Instant
  used_at: Instant | null
  created_by: number
  created_at: CreatedAt
}

/** Throttling counts by key (see db/migrations/2026-11-29-0017-throttles.ts); instants as ISO text. */
export interface ThrottlesTable {
  key: string
  count: number
  window_started_at: string
  last_at: string
}

/**
 * Cached derived progress of one enrolment (ADR 0022): valid while `stamp` equals the enrolment's
 * `progress_stamp` and `computed_for` (a calendar date) is today. `payload` is JSON text of
 * `CachedProgress` (app/models/progress.server.ts).
 */
export interface EnrolmentProgressTable {
  enrolment_id: number
  stamp: number
  computed_for: CalendarDate
  payload: string
  /** The summary (migration 2026-11-30-0401): what a programme's headline, charts, filters and sort read. */
  stage_name: string
  worst_severity: 'red' | 'amber' | null
  flag_count: number
  accreditation_on: CalendarDate | null
  last_activity_on: CalendarDate | null
}

export interface DB {
  organisations: OrganisationsTable
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  password_tokens: PasswordTokensTable
  outbox: OutboxTable
  scheduler_runs: SchedulerRunsTable
  password_reset_requests: PasswordResetRequestsTable
  pathways: PathwaysTable
  rule_sets: RuleSetsTable
  rule_set_stages: RuleSetStagesTable
  principles: PrinciplesTable
  programmes: ProgrammesTable
  kept_forms: KeptFormsTable
  programme_leads: ProgrammeLeadsTable
  programme_supervisors: ProgrammeSupervisorsTable
  programme_stage_fees: ProgrammeStageFeesTable
  enrolments: EnrolmentsTable
  enrolment_assignments: EnrolmentAssignmentsTable
  enrolment_stages: EnrolmentStagesTable
  clients: ClientsTable
  cycles: CyclesTable
  supervision_sessions: SupervisionSessionsTable
  supervision_session_clients: SupervisionSessionClientsTable
  reflections: ReflectionsTable
  reflection_ratings: ReflectionRatingsTable
  stage_meetings: StageMeetingsTable
  sign_offs: SignOffsTable
  accreditations: AccreditationsTable
  certificates: CertificatesTable
  concerns: ConcernsTable
  audit_log: AuditLogTable
  outcome_measures: OutcomeMeasuresTable
  outcome_scores: OutcomeScoresTable
  evaluation_feedback: EvaluationFeedbackTable
  feedback_links: FeedbackLinksTable
  throttles: ThrottlesTable
  enrolment_progress: EnrolmentProgressTable
}

export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type UserUpdate = Updateable<UsersTable>
export type RuleSetRow = Selectable<RuleSetsTable>
export type RuleSetStageRow = Selectable<RuleSetStagesTable>
export type Enrolment = Selectable<EnrolmentsTable>
export type Client = Selectable<ClientsTable>
export type Cycle = Selectable<CyclesTable>
export type SupervisionSession = Selectable<SupervisionSessionsTable>
export type Reflection = Selectable<ReflectionsTable>
export type OutcomeMeasure = Selectable<OutcomeMeasuresTable>
export type OutcomeScore = Selectable<OutcomeScoresTable>
