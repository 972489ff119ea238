// npm run db:seed  — migrate, then seed reference data and (into an empty database) the demo programme.
// npm run db:reset — delete the database file first, then do the same.
import { rmSync } from 'node:fs'
import { today } from '~/utils/dates'
import { env } from '~/utils/env.server'
import { migrateToLatest, openDatabase } from './connection'
import { seedDemoData, seedReferenceData } from './seed'

const command = process.argv[2]
if (command !== 'seed' && command !== 'reset') {
  console.error('Usage: tsx db/cli.ts seed|reset')
  process.exit(2)
}
if (command === 'reset') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(env.DATABASE_PATH + suffix, { force: true })
}
const db = openDatabase(env.DATABASE_PATH)
await migrateToLatest(db)
await seedReferenceData(db)
const seeded = await seedDemoData(db, today())
await db.destroy()
console.log(seeded ? `Seeded the demo programme into ${env.DATABASE_PATH}` : `${env.DATABASE_PATH} already has users: demo data left as it was`)
