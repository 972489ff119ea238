// Each person's choice of how often they hear from Attune by e-mail. Only essential messages
// (invitations, password resets) ignore it. A person reaches only their own row; the signed
// unsubscribe link reaches only the row it was made for.
import type { EmailFrequency } from '~db/schema'
import { verifySignedValue } from '~/utils/secret.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { UNSUBSCRIBE_PURPOSE } from './outbox.server'

export async function getEmailFrequency(db: Db, viewer: { id: number }): Promise<EmailFrequency> {
  return (await db.selectFrom('users').select('email_frequency').where('id', '=', viewer.id).executeTakeFirstOrThrow()).email_frequency
}

export async function setEmailFrequency(trx: Db, viewer: { id: number }, frequency: EmailFrequency): Promise<void> {
  const before = await getEmailFrequency(trx, viewer)
  await trx.updateTable('users').set({ email_frequency: frequency }).where('id', '=', viewer.id).execute()
  // Messages held for a round-up that will no longer come are dropped with the choice.
  if (frequency === 'off') await trx.updateTable('outbox').set({ status: 'bundled' }).where('recipient_id', '=', viewer.id).where('status', '=', 'held').execute()
  if (frequency === 'immediate') await trx.updateTable('outbox').set({ status: 'pending' }).where('recipient_id', '=', viewer.id).where('status', '=', 'held').execute()
  await appendAudit(trx, { actorId: viewer.id, action: 'user.email_frequency_set', entityType: 'user', entityId: viewer.id, before: { frequency: before }, after: { frequency } })
}

/** Whose unsubscribe link `token` is (an active account), or undefined for a forged or stale one. */
export async function findUnsubscriber(db: Db, token: string) {
  const value = verifySignedValue(UNSUBSCRIBE_PURPOSE, token)
  const id = value && /^\d+$/.test(value) ? Number(value) : undefined
  if (!id) return undefined
  return db.selectFrom('users').select(['id', 'email', 'email_frequency']).where('id', '=', id).where('deactivated_at', 'is', null).executeTakeFirst()
}
