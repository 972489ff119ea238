// A national-scale database for benchmarks: 5,000 trainees on 50 programmes (one of 500), each at
// a realistic point of the current AVIGuk pathway, with cycles, supervision and reflections.
// Deterministic (seeded pseudo-random numbers), so runs are comparable.
import type { Insertable, Kysely } from 'kysely'
import { migrateToLatest, openDatabase } from '~db/connection'
import type { DB } from '~db/schema'
import { seedReferenceData } from '~db/seed'
import { addDays } from '~/utils/dates'
import { hashPassword } from '~/utils/password.server'

export const BENCH_PASSWORD = 'bench-password-2026'

export interface BenchDatabase {
  bigProgrammeId: number
  leadEmail: string
  /** A programme of 50 trainees and its lead, to see how the dashboard grows with size. */
  smallProgrammeId: number
  smallLeadEmail: string
  traineeEmail: string
  fullRecordEnrolmentId: number
}

function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296
    return s / 4294967296
  }
}

async function insertMany<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute()
}

/** `target`: a SQLite file path or a postgres:// address (an empty database). */
export async function generateBenchDatabase(target: string, today: string, trainees = 5000, programmes = 50): Promise<BenchDatabase> {
  const db = openDatabase(target)
  await migrateToLatest(db)
  await seedReferenceData(db)
  const rand = random(42)
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const ruleSet = await db.selectFrom('rule_sets').select('id').where('key', '=', 'aviguk-practitioner-2026').executeTakeFirstOrThrow()
  const stages = await db.selectFrom('rule_set_stages').selectAll().where('rule_set_id', '=', ruleSet.id).orderBy('stage_number').execute()
  const ago = (days: number) => addDays(today, -Math.round(days))

  let result: BenchDatabase | undefined
  await db.transaction().execute(async (trx) => {
    const { id: organisationId } = await trx.insertInto('organisations').values({ name: 'National bench trust' }).returning('id').executeTakeFirstOrThrow()
    const user = async (email: string, name: string, role: 'trainee' | 'supervisor' | 'accreditor' | 'lead') => {
      const { id } = await trx.insertInto('users').values({ email, name, organisation_id: organisationId, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow()
      await trx.insertInto('user_roles').values({ user_id: id, role }).execute()
      return id
    }

    const sizes = Array.from({ length: programmes }, (_, i) => (i === 0 ? 500 : i === 1 ? 50 : Math.ceil((trainees - 550) / (programmes - 2))))
    let traineeNumber = 0
    for (let p = 0; p < programmes; p++) {
      const leadEmail = `lead${p}@bench.attune.test`
      const leadId = await user(leadEmail, `Lead ${p}`, 'lead')
      const { id: programmeId } = await trx
        .insertInto('programmes')
        .values({ organisation_id: organisationId, name: `Programme ${p}`, started_on: ago(540), funding_ends_on: ago(-120), budget_pence: 5_000_000 })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx.insertInto('programme_leads').values({ programme_id: programmeId, user_id: leadId }).execute()
      const supervisors = [] as number[]
      for (let s = 0; s < Math.max(2, Math.ceil(sizes[p] / 12)); s++) supervisors.push(await user(`sup${p}-${s}@bench.attune.test`, `Supervisor ${p}-${s}`, 'supervisor'))
      await insertMany(
        trx as unknown as Kysely<DB>,
        'programme_supervisors',
        supervisors.map((id) => ({ programme_id: programmeId, user_id: id, capacity_minutes_per_month: 600 })),
      )
      const accreditor = await user(`acc${p}@bench.attune.test`, `Accreditor ${p}`, 'accreditor')

      const cycles: Insertable<DB['cycles']>[] = []
      const sessions: Insertable<DB['supervision_sessions']>[] = []
      const reflections: Insertable<DB['reflections']>[] = []
      const enrolmentStages: Insertable<DB['enrolment_stages']>[] = []
      for (let t = 0; t < sizes[p]; t++) {
        traineeNumber++
        const email = `trainee${traineeNumber}@bench.attune.test`
        const traineeId = await user(email, `Trainee ${traineeNumber}`, 'trainee')
        // Where the trainee is: mostly Stage 1–3, some further along than others; ~1 in 12 stalled.
        const stage = 1 + Math.floor(rand() * 3)
        const stalled = rand() < 0.08
        const started = 420 + rand() * 100
        const { id: enrolmentId } = await trx
          .insertInto('enrolments')
          .values({
            trainee_id: traineeId,
            programme_id: programmeId,
            rule_set_id: ruleSet.id,
            started_on: ago(started),
            current_stage: stage,
            supervisor_id: supervisors[t % supervisors.length],
            external_accreditor_id: accreditor,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (p === 0 && t === 0) result = { bigProgrammeId: programmeId, leadEmail, traineeEmail: email, fullRecordEnrolmentId: enrolmentId, smallProgrammeId: 0, smallLeadEmail: '' }
        if (p === 1 && t === 0) Object.assign(result!, { smallProgrammeId: programmeId, smallLeadEmail: leadEmail })
        const { id: clientBase } = await trx
          .insertInto('clients')
          .values({ trainee_id: traineeId, code: 'C-00', relationship: 'parent_infant', consent_given_on: ago(started), consent_supervision: 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
        const clientIds = [clientBase]
        for (let c = 1; c < 9; c++) {
          clientIds.push(
            (
              await trx
                .insertInto('clients')
                .values({ trainee_id: traineeId, code: `C-0${c}`, relationship: 'parent_infant', consent_given_on: ago(started - c * 30), consent_supervision: 1 })
                .returning('id')
                .executeTakeFirstOrThrow()
            ).id,
          )
        }
        let stageStart = started
        let clientCursor = 0
        for (const rule of stages.filter((s) => s.stage_number <= stage)) {
          const current = rule.stage_number === stage
          const length = rule.stage_number === 0 ? 5 : current ? Math.min(stageStart - 1, 60 + rand() * 150) : 150 + rand() * 60
          const stageEnd = stageStart - length
          enrolmentStages.push({
            enrolment_id: enrolmentId,
            stage_number: rule.stage_number,
            status: current ? 'in_progress' : 'accredited',
            started_on: ago(stageStart),
            completed_on: current ? null : ago(stageEnd),
            locked: current ? 0 : 1,
          })
          const share = current ? (stalled ? 0.3 : rand()) : 1
          const cycleCount = Math.round(rule.required_cycles * share)
          const sessionCount = Math.round((rule.required_supervision_minutes / 60) * share)
          const stageClients = Math.max(rule.required_new_clients, 1)
          const lastActivity = stalled && current ? Math.max(stageEnd, 70) : stageEnd
          for (let c = 0; c < cycleCount; c++) {
            const when = stageStart - ((c + 1) * (stageStart - lastActivity)) / (cycleCount + 1)
            cycles.push({
              enrolment_id: enrolmentId,
              client_id: clientIds[(clientCursor + (c % stageClients)) % clientIds.length],
              filmed_on: ago(when + 5),
              reviewed_on: ago(when),
              stage_number: rule.stage_number,
              clip_count: 3,
              notes: 'Went well.',
            })
          }
          clientCursor += stageClients
          for (let s = 0; s < sessionCount; s++) {
            const when = stageStart - ((s + 1) * (stageStart - lastActivity)) / (sessionCount + 1)
            const pending = current && s === sessionCount - 1 && rand() < 0.5
            sessions.push({
              enrolment_id: enrolmentId,
              supervisor_id: supervisors[t % supervisors.length],
              held_on: ago(when),
              minutes: 60,
              format: 'one_to_one',
              stage_number: rule.stage_number,
              status: pending ? 'pending' : 'confirmed',
              decided_by: pending ? null : supervisors[t % supervisors.length],
              decided_at: pending ? null : `${ago(when)}T12:00:00.000Z`,
            })
            if (s % 2 === 0)
              reflections.push({
                enrolment_id: enrolmentId,
                kind: 'session',
                stage_number: rule.stage_number,
                body: 'Noticed the parent’s initiative.',
                status: 'submitted',
                submitted_at: `${ago(when)}T18:00:00.000Z`,
              })
          }
          if (!current && rule.requires_written_reflection)
            reflections.push({
              enrolment_id: enrolmentId,
              kind: 'stage_end',
              stage_number: rule.stage_number,
              body: 'Stage reflection. '.repeat(40),
              status: 'submitted',
              submitted_at: `${ago(stageEnd)}T18:00:00.000Z`,
            })
          stageStart = stageEnd
        }
      }
      const anyDb = trx as unknown as Kysely<DB>
      await insertMany(anyDb, 'enrolment_stages', enrolmentStages)
      await insertMany(anyDb, 'cycles', cycles)
      await insertMany(anyDb, 'supervision_sessions', sessions)
      await insertMany(anyDb, 'reflections', reflections)
    }
  })
  await db.destroy()
  return result!
}
