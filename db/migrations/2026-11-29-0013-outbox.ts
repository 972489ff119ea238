// E-mail: the transactional outbox, the scheduler's run claims, reset requests (for throttling)
// and each person's choice of how often to hear from Attune. See docs/decisions/0014-email-outbox.md.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // Every message, written in the same transaction as the event that causes it.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    // The page that acts on it: what a daily or weekly round-up lists instead of the message.
    .addColumn('link', 'text')
    .addColumn('unsubscribe_url', 'text')
    .addColumn('essential', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`essential in (0, 1)`),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed', 'uncertain', 'held', 'bundled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // Set when a sender claims the row; only the holder of this token may mark it.
    .addColumn('claim_token', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    // Scheduled messages (digests, reminders) carry a key so that a period's message exists once.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbox_recipient_idx').on('outbox').columns(['recipient_id', 'status']).execute()

  // One row per scheduled job and period: whoever inserts it runs that period's job.
  await db.schema
    .createTable('scheduler_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    // What the job saw (for example the week's risk flags), for the next period to compare with.
    .addColumn('state_json', 'text')
    .addPrimaryKeyConstraint('scheduler_runs_pk', ['job', 'period'])
    .execute()

  // Password-reset requests by address (existing or not), so that requests can be throttled.
  await db.schema
    .createTable('password_reset_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('password_reset_requests_email_idx').on('password_reset_requests').columns(['email', 'requested_at']).execute()

  await db.schema
    .alterTable('users')
    .addColumn('email_frequency', 'text', (c) =>
      c
        .notNull()
        .defaultTo('immediate')
        .check(sql`email_frequency in ('immediate', 'daily', 'weekly', 'off')`),
    )
    .execute()
  // Invitation (from a lead) or reset (asked for by the person): the e-mail and expiry differ.
  await db.schema
    .alterTable('password_tokens')
    .addColumn('purpose', 'text', (c) =>
      c
        .notNull()
        .defaultTo('invitation')
        .check(sql`purpose in ('invitation', 'reset')`),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('password_tokens').dropColumn('purpose').execute()
  await db.schema.alterTable('users').dropColumn('email_frequency').execute()
  await db.schema.dropTable('password_reset_requests').execute()
  await db.schema.dropTable('scheduler_runs').execute()
  await db.schema.dropTable('outbox').execute()
}
