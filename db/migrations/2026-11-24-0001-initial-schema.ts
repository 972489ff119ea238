// The whole Attune data model. Frozen in time: later changes come as new migrations.
// Calendar dates are 'yyyy-MM-dd' text; instants are ISO-8601 UTC text; money is integer pence;
// booleans are 0/1 integers. See docs/decisions/0002-dates-as-iso-text.md.
import { sql, type Kysely } from 'kysely'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('trainee', 'supervisor', 'accreditor', 'lead', 'admin')`))
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('job_title', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_login_at', 'text')
    .addColumn('deactivated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Mirrors data.userId, so that all of a person's sessions can be ended at once.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()

  // One-time, expiring set-password links handed on by a programme lead (no email server).
  await db.schema
    .createTable('password_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  // ---- Pathways and versioned rule sets: the pathway's numbers as data -------------------------
  await db.schema
    .createTable('pathways')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute()

  await db.schema
    .createTable('rule_sets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pathway_id', 'integer', (c) => c.notNull().references('pathways.id'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'active', 'retired')`))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('award_title', 'text', (c) => c.notNull())
    .addColumn('registration_fee_pence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recording_retention_days', 'integer', (c) => c.notNull())
    // Risk thresholds (DOMAIN.md "Why trainees fail to complete": no published maximum, so configurable).
    .addColumn('supervision_gap_weeks', 'integer', (c) => c.notNull())
    .addColumn('cycle_gap_weeks', 'integer', (c) => c.notNull())
    .addColumn('overrun_red_months', 'integer', (c) => c.notNull())
    .addColumn('behind_pace_ratio', 'real', (c) => c.notNull())
    .addColumn('waiting_days', 'integer', (c) => c.notNull())
    .addColumn('erasure_warning_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('rule_sets_pathway_version_unique', ['pathway_id', 'version'])
    .execute()

  await db.schema
    .createTable('rule_set_stages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('rule_set_id', 'integer', (c) => c.notNull().references('rule_sets.id').onDelete('cascade'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('required_cycles', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required_new_clients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required_supervision_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requires_introduction_session', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('end_meeting', 'text', (c) => c.notNull().check(sql`end_meeting in ('course_completion', 'transition', 'midpoint', 'accreditation')`))
    .addColumn('requires_written_reflection', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requires_external_accreditation', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('expected_months', 'integer', (c) => c.notNull())
    .addColumn('fee_pence', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('rule_set_stages_unique', ['rule_set_id', 'stage_number'])
    .execute()

  // Principles of attuned interaction and guidance: seed data an admin can edit.
  await db.schema
    .createTable('principles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  // ---- Programmes ---------------------------------------------------------------------------
  await db.schema
    .createTable('programmes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('funding_ends_on', 'text', (c) => c.notNull())
    .addColumn('budget_pence', 'integer', (c) => c.notNull().defaultTo(0))
    // Null means "use the rule set's registration fee".
    .addColumn('registration_fee_pence', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  await db.schema
    .createTable('programme_leads')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('programme_leads_pk', ['programme_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('programme_supervisors')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('capacity_minutes_per_month', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('programme_supervisors_pk', ['programme_id', 'user_id'])
    .execute()

  // Per-programme stage fees where they differ from the rule set's.
  await db.schema
    .createTable('programme_stage_fees')
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('fee_pence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_stage_fees_pk', ['programme_id', 'stage_number'])
    .execute()

  // ---- Enrolments: a trainee on a programme, following one rule set --------------------------
  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('trainee_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
    .addColumn('rule_set_id', 'integer', (c) => c.notNull().references('rule_sets.id'))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('current_stage', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'paused', 'withdrawn', 'accredited')`),
    )
    .addColumn('supervisor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('external_accreditor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('joined_at_stage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('prior_learning_reason', 'text')
    .addColumn('registration_paid_on', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    // The external accreditor must never be the trainee's own supervisor.
    .addCheckConstraint('enrolments_accreditor_not_supervisor', sql`external_accreditor_id is null or supervisor_id is null or external_accreditor_id <> supervisor_id`)
    .addUniqueConstraint('enrolments_trainee_programme_unique', ['trainee_id', 'programme_id'])
    .execute()
  await db.schema.createIndex('enrolments_programme_idx').on('enrolments').column('programme_id').execute()
  await db.schema.createIndex('enrolments_supervisor_idx').on('enrolments').column('supervisor_id').execute()
  await db.schema.createIndex('enrolments_accreditor_idx').on('enrolments').column('external_accreditor_id').execute()

  // History of who supervised / accredited an enrolment, so reassignments keep their past.
  await db.schema
    .createTable('enrolment_assignments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('supervisor', 'accreditor')`))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text')
    .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .execute()

  // Each stage of an enrolment: when it started, where it stands, whether its records are locked.
  await db.schema
    .createTable('enrolment_stages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('in_progress', 'signed_off', 'accredited', 'recognised')`))
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recognised_reason', 'text')
    .addUniqueConstraint('enrolment_stages_unique', ['enrolment_id', 'stage_number'])
    .execute()

  // ---- Evidence: clients, cycles, supervision, reflections ------------------------------------
  await db.schema
    .createTable('clients')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('trainee_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('helping_question', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('consent_given_on', 'text')
    .addColumn('consent_supervision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_intervision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_training_events', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_withdrawn_on', 'text')
    .addColumn('work_ended_on', 'text')
    .addColumn('recordings_erased_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('clients_trainee_code_unique', ['trainee_id', 'code'])
    .execute()

  await db.schema
    .createTable('cycles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addColumn('filmed_on', 'text', (c) => c.notNull())
    // Null until the shared review has happened: an in-progress cycle counts for nothing yet.
    .addColumn('reviewed_on', 'text')
    // The stage the trainee was in on the shared-review date; set when the review is logged.
    .addColumn('stage_number', 'integer')
    .addColumn('clip_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('cycles_enrolment_idx').on('cycles').columns(['enrolment_id', 'stage_number']).execute()
  await db.schema.createIndex('cycles_client_idx').on('cycles').column('client_id').execute()

  await db.schema
    .createTable('supervision_sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('one_to_one', 'group', 'remote')`))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'confirmed', 'returned')`),
    )
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('return_comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('supervision_enrolment_idx').on('supervision_sessions').columns(['enrolment_id', 'stage_number']).execute()
  await db.schema.createIndex('supervision_supervisor_idx').on('supervision_sessions').columns(['supervisor_id', 'status']).execute()

  await db.schema
    .createTable('supervision_session_clients')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('supervision_sessions.id').onDelete('cascade'))
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id'))
    .addPrimaryKeyConstraint('supervision_session_clients_pk', ['session_id', 'client_id'])
    .execute()

  await db.schema
    .createTable('reflections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'stage_end')`))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('supervision_session_id', 'integer', (c) => c.references('supervision_sessions.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted')`),
    )
    .addColumn('submitted_at', 'text')
    .addColumn('feedback', 'text')
    .addColumn('feedback_by', 'integer', (c) => c.references('users.id'))
    .addColumn('feedback_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('reflections_enrolment_idx').on('reflections').columns(['enrolment_id', 'stage_number']).execute()

  await db.schema
    .createTable('reflection_ratings')
    .addColumn('reflection_id', 'integer', (c) => c.notNull().references('reflections.id').onDelete('cascade'))
    .addColumn('principle_id', 'integer', (c) => c.notNull().references('principles.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('reflection_ratings_pk', ['reflection_id', 'principle_id'])
    .execute()

  // ---- Oversight: meetings, sign-offs, accreditations, certificates ---------------------------
  await db.schema
    .createTable('stage_meetings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('introduction', 'course_completion', 'transition', 'midpoint', 'accreditation')`))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('held', 'passed', 'not_yet')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('stage_meetings_enrolment_idx').on('stage_meetings').columns(['enrolment_id', 'stage_number']).execute()

  await db.schema
    .createTable('sign_offs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('signed_off_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('signed_off_at', 'text', (c) => c.notNull())
    // Set when a stage is signed off with a requirement unmet (e.g. prior learning recognised).
    .addColumn('override_reason', 'text')
    .addColumn('readiness_json', 'text', (c) => c.notNull())
    // Set when an unlock or a returned accreditation reopens the stage.
    .addColumn('superseded_at', 'text')
    .execute()
  // At most one live sign-off per stage: two supervisors acting at once cannot both succeed.
  await db.schema.createIndex('sign_offs_live_unique').on('sign_offs').columns(['enrolment_id', 'stage_number']).unique().where(sql.ref('superseded_at'), 'is', null).execute()

  await db.schema
    .createTable('accreditations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('sign_off_id', 'integer', (c) => c.notNull().references('sign_offs.id'))
    .addColumn('accreditor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('accredited', 'returned')`))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('accreditations_one_per_sign_off').on('accreditations').column('sign_off_id').unique().execute()

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('accreditation_id', 'integer', (c) => c.notNull().references('accreditations.id'))
    .addColumn('stage_number', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('accredited_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .execute()

  // Concerns: a lead or supervisor acknowledges a risk flag with a plan and a review date.
  await db.schema
    .createTable('concerns')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('enrolment_id', 'integer', (c) => c.notNull().references('enrolments.id'))
    .addColumn('flag_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('action_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('review_on', 'text')
    .addColumn('raised_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('cleared_at', 'text')
    .execute()
  await db.schema.createIndex('concerns_enrolment_idx').on('concerns').column('enrolment_id').execute()

  // Append-only: rows are inserted by app/models/audit.server.ts and never updated or deleted.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('enrolment_id', 'integer', (c) => c.references('enrolments.id'))
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text')
    .execute()
  await db.schema.createIndex('audit_enrolment_idx').on('audit_log').columns(['enrolment_id', 'at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_log',
    'concerns',
    'certificates',
    'accreditations',
    'sign_offs',
    'stage_meetings',
    'reflection_ratings',
    'reflections',
    'supervision_session_clients',
    'supervision_sessions',
    'cycles',
    'clients',
    'enrolment_stages',
    'enrolment_assignments',
    'enrolments',
    'programme_stage_fees',
    'programme_supervisors',
    'programme_leads',
    'programmes',
    'principles',
    'rule_set_stages',
    'rule_sets',
    'pathways',
    'password_tokens',
    'sessions',
    'users',
    'organisations',
  ]
  for (const table of tables) await db.schema.dropTable(table).execute()
}
