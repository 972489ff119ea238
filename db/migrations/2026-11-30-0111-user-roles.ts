// One person, several roles (issue 11, ADR 0018): an account holds a set of roles, one row each in
// user_roles, instead of the single users.role. Every existing account keeps the role it had.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('trainee', 'supervisor', 'accreditor', 'lead', 'admin')`))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute()
  await db.schema.createIndex('user_roles_by_role').on('user_roles').columns(['role', 'user_id']).execute()
  await db
    .insertInto('user_roles')
    .columns(['user_id', 'role'])
    .expression(db.selectFrom('users').select(['id', 'role']))
    .execute()
  await db.schema.alterTable('users').dropColumn('role').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('trainee'))
    .execute()
  // Each person keeps the first of their roles in the order the app lists them (admin first): later writes win.
  for (const role of ['trainee', 'accreditor', 'supervisor', 'lead', 'admin']) {
    await db
      .updateTable('users')
      .set({ role })
      .where('id', 'in', db.selectFrom('user_roles').select('user_id').where('role', '=', role))
      .execute()
  }
  await db.schema.dropTable('user_roles').execute()
}
