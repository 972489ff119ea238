// Every integration test starts from a freshly migrated database holding only the reference data.
// SQLite: a copy of the template file per test. PostgreSQL: one database per worker, created from the
// template database (CREATE DATABASE … TEMPLATE), emptied and refilled with the template's reference
// rows before each test: about 5 ms, where creating a database per test takes a third of a second.
import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeEach, inject } from 'vitest'

const worker = process.env.VITEST_POOL_ID ?? '0'
const adminUrl = inject('postgresAdminUrl')
const databasePath = join(inject('testDirectory'), `worker-${worker}.sqlite`)
const postgresDatabase = `attune_worker_${worker}`
if (adminUrl) process.env.DATABASE_URL = adminUrl.replace(/\/postgres$/, `/${postgresDatabase}`)
process.env.DATABASE_PATH = databasePath
process.env.SEED_DEMO_DATA = 'false'
process.env.SESSION_SECRET = 'test-secret-that-is-at-least-32-characters-long'
process.env.NODE_ENV = 'test'

const { closeDb } = await import('~/utils/db.server')

const worker_db = adminUrl ? await postgresWorkerDatabase() : undefined

beforeEach(async () => {
  if (worker_db) return worker_db.reset()
  for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true })
  copyFileSync(inject('templateDatabase'), databasePath)
})

afterEach(async () => {
  await closeDb()
})

afterAll(async () => {
  await worker_db?.end()
})

/** This worker's database, made from the template, and the one statement that brings it back to it. */
async function postgresWorkerDatabase() {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${postgresDatabase} with (force)`)
  await admin.query(`create database ${postgresDatabase} template ${inject('templateDatabase')}`)
  await admin.end()
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  const tables: string[] = (
    await client.query(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`)
  ).rows.map((r) => r.table_name)
  const identities: { table_name: string; column_name: string }[] = (
    await client.query(`select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`)
  ).rows
  const refill: string[] = []
  for (const table of tables) {
    const { rows } = await client.query(`select json_agg(t)::text as rows from ${table} t`)
    if (rows[0].rows) refill.push(`insert into ${table} select * from json_populate_recordset(null::${table}, $rows$${rows[0].rows}$rows$);`)
  }
  const statement = [
    'begin;',
    // Foreign keys are not checked while emptying and refilling (superuser only: this is a test cluster).
    'set local session_replication_role = replica;',
    ...tables.map((t) => `delete from ${t};`),
    ...refill,
    ...identities.map((c) => `select setval(pg_get_serial_sequence('${c.table_name}', '${c.column_name}'), coalesce((select max(${c.column_name}) from ${c.table_name}), 0) + 1, false);`),
    'commit;',
  ].join('\n')
  return {
    reset: async () => {
      await client.query(statement)
    },
    end: () => client.end(),
  }
}
