// What a person typed into a form when their session had ended, kept until they sign in again
// (issue 10: nothing typed is ever lost). Only the text fields of the form, for its owner only,
// for a few days; taken (and deleted) when it is put back.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kept_forms')
    // The SHA-256 of the random token held in the browser's cookie, never the token itself.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('kept_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('kept_forms_user_idx').on('kept_forms').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kept_forms').execute()
}
