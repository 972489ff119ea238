// Programme evaluation (issue 16): outcome measures as data, anonymised scores per client and time
// point, consent for evaluation as one more consent scope, and acceptability feedback (entered by
// a practitioner or through a one-time anonymous link). Scores are plain numbers: no questionnaire
// items are stored, only each measure's name, construct and score range.
import { sql, type Kysely } from 'kysely'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('clients')
    .addColumn('consent_evaluation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('outcome_measures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('construct', 'text', (c) => c.notNull())
    .addColumn('min_score', 'real', (c) => c.notNull())
    .addColumn('max_score', 'real', (c) => c.notNull())
    .addColumn('higher_is_better', 'integer', (c) => c.notNull())
    .addColumn('has_follow_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('outcome_measures_range', sql`min_score < max_score`)
    .execute()

  await db.schema
    .createTable('outcome_scores')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('client_id', 'integer', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('outcome_measures.id'))
    .addColumn('time_point', 'text', (c) => c.notNull().check(sql`time_point in ('before', 'after', 'follow_up')`))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('scored_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('outcome_scores_unique', ['client_id', 'measure_id', 'time_point'])
    .execute()
  await db.schema.createIndex('outcome_scores_measure_idx').on('outcome_scores').column('measure_id').execute()

  // Acceptability and feasibility feedback: anonymous by design (no client, no respondent's name).
  await db.schema
    .createTable('evaluation_feedback')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
    .addColumn('respondent', 'text', (c) => c.notNull().check(sql`respondent in ('family', 'practitioner', 'manager')`))
    .addColumn('acceptability', 'integer', (c) => c.notNull().check(sql`acceptability between 1 and 5`))
    .addColumn('feasibility', 'integer', (c) => c.notNull().check(sql`feasibility between 1 and 5`))
    .addColumn('helped', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('got_in_the_way', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('via_link', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('evaluation_feedback_programme_idx').on('evaluation_feedback').column('programme_id').execute()

  // One-time anonymous links: only the token's hash is kept; used_at makes it single-use.
  await db.schema
    .createTable('feedback_links')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id'))
    .addColumn('respondent', 'text', (c) => c.notNull().check(sql`respondent in ('family', 'practitioner', 'manager')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_links').execute()
  await db.schema.dropTable('evaluation_feedback').execute()
  await db.schema.dropTable('outcome_scores').execute()
  await db.schema.dropTable('outcome_measures').execute()
  await db.schema.alterTable('clients').dropColumn('consent_evaluation').execute()
}
