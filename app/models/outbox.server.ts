// The transactional outbox (docs/decisions/0014-email-outbox.md). A message is a row written in
// the same transaction as the event that causes it, so a rolled-back event sends nothing and a
// committed one is never lost. A sender later claims due rows, delivers them and marks them:
// - claim: one UPDATE turns 'pending' rows into 'sending' under a fresh claim token, so two
//   senders (two app instances) never hold the same row;
// - deliver, then mark 'sent' (only the token's holder can);
// - a delivery the relay refused, or could not be reached for, goes back to 'pending' with
//   back-off and the error, up to MAX_ATTEMPTS, then 'failed';
// - a row still 'sending' after CLAIM_MINUTES means its sender died between delivering and
//   marking: whether it went out is unknown, so it becomes 'uncertain' and is NOT sent again
//   automatically (at most once); an admin can send it again from the Outbox page.
import type { EmailFrequency, OutboxStatus } from '~db/schema'
import { renderLetter, type Letter } from '~/emails/letter'
import { nowInstant } from '~/utils/dates'
import { env } from '~/utils/env.server'
import { signValue } from '~/utils/secret.server'
import { newToken } from '~/utils/tokens.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { outboxScope, type Viewer } from './access.server'

/** Attempts before a message is given up as failed (first try included). */
export const MAX_ATTEMPTS = 6
/** Minutes to wait after the n-th failed attempt (n = 1..5): about 5 hours in all. */
export const BACK_OFF_MINUTES = [1, 5, 15, 60, 240] as const
/** How long a claimed row may stay 'sending' before its sender is taken to have died. */
export const CLAIM_MINUTES = 10

export const UNSUBSCRIBE_PURPOSE = 'unsubscribe'

export function unsubscribePath(userId: number): string {
  return `/unsubscribe/${signValue(UNSUBSCRIBE_PURPOSE, String(userId))}`
}

export interface OutgoingMessage {
  /** The template's name, e.g. 'session_decided', 'supervisor_digest'. */
  kind: string
  recipientId: number
  letter: Letter
  /** Invitations and resets: sent whatever the person's choices, with no unsubscribe link. */
  essential?: boolean
  /**
   * A digest or round-up: the scheduler has already honoured the person's frequency, so it goes
   * out now rather than being held for a round-up.
   */
  scheduled?: boolean
  /** A period's scheduled message exists once: a second insert with the same key is ignored. */
  dedupeKey?: string
}

/**
 * Writes a message to the outbox inside the caller's transaction. Returns its id, or null when
 * nothing was written: the recipient is deactivated, chose no non-essential e-mail ('off'), or the
 * dedupe key was already used. Daily and weekly people's event messages are 'held' for their
 * round-up. Never throws for e-mail reasons: the event always goes ahead.
 */
export async function enqueueMessage(trx: Db, message: OutgoingMessage, now = new Date()): Promise<number | null> {
  const recipient = await trx.selectFrom('users').select(['id', 'email', 'email_frequency']).where('id', '=', message.recipientId).where('deactivated_at', 'is', null).executeTakeFirst()
  if (!recipient) return null
  const essential = message.essential === true
  if (!essential && recipient.email_frequency === 'off') return null
  const held = !essential && !message.scheduled && recipient.email_frequency !== 'immediate'
  const unsubscribeUrl = essential ? null : new URL(unsubscribePath(recipient.id), env.PUBLIC_BASE_URL).href
  const rendered = renderLetter(message.letter, { unsubscribeUrl, preferencesUrl: new URL('/account', env.PUBLIC_BASE_URL).href })
  const at = nowInstant(now)
  const row = await trx
    .insertInto('outbox')
    .values({
      kind: message.kind,
      recipient_id: recipient.id,
      to_address: recipient.email,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      link: message.letter.link,
      unsubscribe_url: unsubscribeUrl,
      essential: essential ? 1 : 0,
      status: held ? 'held' : 'pending',
      next_attempt_at: at,
      dedupe_key: message.dedupeKey ?? null,
      created_at: at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** What nodemailer's transporter offers, so tests can wrap a real one. */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; html: string; messageId: string; headers?: Record<string, string> }): Promise<unknown>
}

export interface ClaimedMessage {
  id: number
  to_address: string
  subject: string
  text_body: string
  html_body: string
  unsubscribe_url: string | null
  attempts: number
  claim_token: string
}

/** Claims up to `limit` due messages for one sender: oldest first. */
export async function claimDueMessages(db: Db, options: { now?: Date; limit?: number } = {}): Promise<ClaimedMessage[]> {
  const at = nowInstant(options.now)
  const token = newToken()
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending', claim_token: token, claimed_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .orderBy('id')
        .limit(options.limit ?? 20),
    )
    .where('status', '=', 'pending')
    .execute()
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'html_body', 'unsubscribe_url', 'attempts'])
    .select('claim_token')
    .where('claim_token', '=', token)
    .where('status', '=', 'sending')
    .orderBy('id')
    .execute() as Promise<ClaimedMessage[]>
}

/** Marks a claimed message sent; false when the claim was lost (recovered as uncertain). */
export async function markSent(db: Db, message: ClaimedMessage, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: nowInstant(now), last_error: null })
    .where('id', '=', message.id)
    .where('claim_token', '=', message.claim_token)
    .where('status', '=', 'sending')
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/**
 * Whether a delivery error proves the message was not accepted: the relay answered with an SMTP
 * error code, or no connection was made at all. Anything else (a connection lost mid-message, a
 * time-out waiting for the relay's answer) may have delivered it.
 */
export function certainlyNotDelivered(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { responseCode?: unknown; code?: unknown; command?: unknown }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return true
  if (e.command === 'CONN') return true
  return e.code === 'ECONNREFUSED' || e.code === 'EDNS' || e.code === 'ECONNECTION' || e.code === 'EAUTH' || e.code === 'ETLS' || e.code === 'EENVELOPE'
}

/** Records a failed attempt: back to 'pending' after a back-off, 'failed' after MAX_ATTEMPTS, or 'uncertain'. */
export async function markAttemptFailed(db: Db, message: ClaimedMessage, error: unknown, now = new Date()): Promise<OutboxStatus> {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 500)
  const certain = certainlyNotDelivered(error)
  const status: OutboxStatus = !certain ? 'uncertain' : message.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'
  const delay = BACK_OFF_MINUTES[Math.min(message.attempts, BACK_OFF_MINUTES.length) - 1] ?? 0
  await db
    .updateTable('outbox')
    .set({
      status,
      last_error: certain ? text : `Delivery was interrupted, so it may or may not have arrived: ${text}`,
      next_attempt_at: nowInstant(new Date(now.getTime() + delay * 60_000)),
      claim_token: null,
    })
    .where('id', '=', message.id)
    .where('claim_token', '=', message.claim_token)
    .execute()
  return status
}

/** Rows whose sender died while holding them: not sent again automatically (at most once). */
export async function recoverAbandonedClaims(db: Db, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'uncertain', claim_token: null, last_error: 'The sender stopped while delivering this message, so it may or may not have arrived.' })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', nowInstant(new Date(now.getTime() - CLAIM_MINUTES * 60_000)))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface DeliveryRound {
  sent: number
  retrying: number
  failed: number
  uncertain: number
}

/** One sender round: recover abandoned claims, claim what is due, deliver each, mark each. */
export async function deliverDueMessages(db: Db, transport: MailTransport, options: { from: string; now?: Date; limit?: number }): Promise<DeliveryRound> {
  const now = options.now ?? new Date()
  const round: DeliveryRound = { sent: 0, retrying: 0, failed: 0, uncertain: await recoverAbandonedClaims(db, now) }
  const host = new URL(env.PUBLIC_BASE_URL).hostname
  for (const message of await claimDueMessages(db, { now, limit: options.limit })) {
    try {
      await transport.sendMail({
        from: options.from,
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
        // Stable per row: a copy sent again by hand carries the same id, which mail systems use to drop duplicates.
        messageId: `<outbox-${message.id}@${host}>`,
        headers: message.unsubscribe_url ? { 'List-Unsubscribe': `<${message.unsubscribe_url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
      })
    } catch (error) {
      const status = await markAttemptFailed(db, message, error, now)
      round[status === 'pending' ? 'retrying' : status === 'failed' ? 'failed' : 'uncertain']++
      continue
    }
    if (await markSent(db, message, now)) round.sent++
  }
  return round
}

// ---- Round-ups of held messages -------------------------------------------------------------

/** The held event messages of people who chose `frequency`, grouped by person, oldest first. */
export async function listHeldMessages(db: Db, frequency: Exclude<EmailFrequency, 'immediate' | 'off'>) {
  return db
    .selectFrom('outbox')
    .innerJoin('users', 'users.id', 'outbox.recipient_id')
    .select(['outbox.id', 'outbox.recipient_id', 'outbox.subject', 'outbox.link', 'users.name'])
    .where('outbox.status', '=', 'held')
    .where('users.email_frequency', '=', frequency)
    .where('users.deactivated_at', 'is', null)
    .orderBy('outbox.recipient_id')
    .orderBy('outbox.id')
    .execute()
}

/** Marks held messages as gathered into a round-up (they are never sent on their own). */
export async function markBundled(trx: Db, ids: number[]): Promise<void> {
  if (ids.length) await trx.updateTable('outbox').set({ status: 'bundled' }).where('id', 'in', ids).where('status', '=', 'held').execute()
}

// ---- The admin's Outbox page ----------------------------------------------------------------

/**
 * The latest messages for the Outbox page, newest first, with counts by status. Bodies are never
 * shown: they hold set-password links, which would let whoever reads them take over an account.
 */
export async function listOutbox(db: Db, viewer: Viewer, limit = 200) {
  const [messages, counts] = await Promise.all([
    db
      .selectFrom('outbox')
      .select(['id', 'kind', 'to_address', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'next_attempt_at'])
      .where(outboxScope(viewer))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where(outboxScope(viewer))
      .groupBy('status')
      .execute(),
  ])
  return { messages, counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.count)])) as Partial<Record<OutboxStatus, number>> }
}

/** Puts a failed or uncertain message back in the queue (an admin's decision). Undefined when not found. */
export async function sendAgain(trx: Db, viewer: Viewer, messageId: number, now = new Date()): Promise<true | undefined> {
  const result = await trx
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: nowInstant(now), claim_token: null })
    .where('id', '=', messageId)
    .where('status', 'in', ['failed', 'uncertain'])
    .where(outboxScope(viewer))
    .executeTakeFirst()
  if (result.numUpdatedRows !== 1n) return undefined
  await appendAudit(trx, { actorId: viewer.id, action: 'email.sent_again', entityType: 'outbox', entityId: messageId })
  return true
}
