// A trainee's clients: anonymised codes with consent and retention dates. Clients belong to the
// trainee (not to one stage), so every query filters with `ownClients` (access.server.ts).
import type { Consent } from '~/domain/consent'
import type { ClientInput } from '~/schemas/client'
import type { Client } from '~db/schema'
import { nowInstant } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { ownClients } from './access.server'

interface Owner {
  traineeId: number
  /** The trainee's current enrolment, for the audit trail; null before enrolment. */
  enrolmentId: number | null
}

export async function listClients(db: Db, traineeId: number) {
  return db
    .selectFrom('clients')
    .selectAll('clients')
    .select((eb) => [
      eb.selectFrom('cycles').select(eb.fn.countAll<number>().as('n')).whereRef('cycles.client_id', '=', 'clients.id').where('cycles.reviewed_on', 'is not', null).as('completed_cycles'),
      eb.selectFrom('cycles').select(eb.fn.countAll<number>().as('n')).whereRef('cycles.client_id', '=', 'clients.id').where('cycles.reviewed_on', 'is', null).as('cycles_in_progress'),
    ])
    .where(ownClients(traineeId))
    .orderBy('clients.work_ended_on', (ob) => ob.nullsFirst())
    .orderBy('clients.code')
    .execute()
}

export async function getClient(db: Db, { id, traineeId }: { id: number; traineeId: number }) {
  return db.selectFrom('clients').selectAll().where('id', '=', id).where(ownClients(traineeId)).executeTakeFirst()
}

export function consentOf(
  client: Pick<Client, 'consent_given_on' | 'consent_supervision' | 'consent_intervision' | 'consent_training_events' | 'consent_evaluation' | 'consent_withdrawn_on'>,
): Consent {
  return {
    givenOn: client.consent_given_on,
    supervision: client.consent_supervision === 1,
    intervision: client.consent_intervision === 1,
    trainingEvents: client.consent_training_events === 1,
    evaluation: client.consent_evaluation === 1,
    withdrawnOn: client.consent_withdrawn_on,
  }
}

function columns(input: ClientInput) {
  return {
    code: input.code,
    relationship: input.relationship,
    helping_question: input.helping_question,
    consent_given_on: input.consent_given_on,
    consent_supervision: flag(input.consent_supervision),
    consent_intervision: flag(input.consent_intervision),
    consent_training_events: flag(input.consent_training_events),
    consent_evaluation: flag(input.consent_evaluation),
    consent_withdrawn_on: input.consent_withdrawn_on,
    work_ended_on: input.work_ended_on,
    recordings_erased_on: input.recordings_erased_on,
  }
}

const flag = (value: boolean) => (value ? 1 : 0) as 0 | 1

async function codeTaken(db: Db, traineeId: number, code: string, exceptId?: number) {
  let query = db.selectFrom('clients').select('id').where(ownClients(traineeId)).where('code', '=', code)
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

const duplicate = (code: string) => new Refusal(`You already have a client with the code ${code}. Choose a different code`, 'code')

export async function createClient(db: Db, owner: Owner & { actorId: number; input: ClientInput }): Promise<number> {
  if (await codeTaken(db, owner.traineeId, owner.input.code)) throw duplicate(owner.input.code)
  const created = await db
    .insertInto('clients')
    .values({ trainee_id: owner.traineeId, ...columns(owner.input) })
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(db, { actorId: owner.actorId, action: 'client.created', entityType: 'client', entityId: created.id, enrolmentId: owner.enrolmentId, after: created })
  return created.id
}

export async function updateClient(db: Db, owner: Owner & { id: number; actorId: number; input: ClientInput }): Promise<number> {
  const before = await getClient(db, { id: owner.id, traineeId: owner.traineeId })
  if (!before) throw new Refusal('This client no longer exists')
  if (await codeTaken(db, owner.traineeId, owner.input.code, owner.id)) throw duplicate(owner.input.code)
  const after = await db
    .updateTable('clients')
    .set({ ...columns(owner.input), updated_at: nowInstant() })
    .where('id', '=', owner.id)
    .where(ownClients(owner.traineeId))
    .returningAll()
    .executeTakeFirstOrThrow()
  await appendAudit(db, { actorId: owner.actorId, action: 'client.updated', entityType: 'client', entityId: owner.id, enrolmentId: owner.enrolmentId, before, after })
  return owner.id
}

/** Only a client nothing refers to can be deleted: cycles and sessions are evidence. */
export async function deleteClient(db: Db, owner: Owner & { id: number; actorId: number }): Promise<void> {
  const before = await getClient(db, { id: owner.id, traineeId: owner.traineeId })
  if (!before) throw new Refusal('This client no longer exists')
  const [cycle, session] = await Promise.all([
    db.selectFrom('cycles').select('id').where('client_id', '=', owner.id).executeTakeFirst(),
    db.selectFrom('supervision_session_clients').select('session_id').where('client_id', '=', owner.id).executeTakeFirst(),
  ])
  if (cycle || session) {
    throw new Refusal(`${before.code} has cycles or supervision sessions logged, so it cannot be deleted. If work has ended, record the date work ended instead`)
  }
  await db.deleteFrom('clients').where('id', '=', owner.id).where(ownClients(owner.traineeId)).execute()
  await appendAudit(db, { actorId: owner.actorId, action: 'client.deleted', entityType: 'client', entityId: owner.id, enrolmentId: owner.enrolmentId, before })
}

/** The trainee's clients as choices for a form, each saying when it cannot be used for new work. */
export async function listClientChoices(db: Db, traineeId: number) {
  const clients = await db.selectFrom('clients').selectAll().where(ownClients(traineeId)).orderBy('code').execute()
  return clients.map((client) => {
    const consent = consentOf(client)
    const note = consent.withdrawnOn ? 'consent withdrawn' : !consent.givenOn || !consent.supervision ? 'no consent for supervision' : client.work_ended_on ? 'work ended' : null
    return { value: String(client.id), label: note ? `${client.code} (${note})` : client.code }
  })
}
