// Scheduled e-mail: supervisor digests, accreditor reminders, the lead's weekly digest and the
// round-ups of held messages for people who chose daily or weekly e-mail.
// Each job runs once per period (a calendar date, or the Monday of a week). Whoever inserts the
// job's row for the period in `scheduler_runs` runs it, in the same transaction as writing its
// messages to the outbox: two app instances, or a retry after a crash, never write a period's
// digest twice (and each message's dedupe key backs that up). The messages are computed before
// the transaction, so the database's one writer is held only for the inserts.
import { flagChanges, oldestFirst, overdueForAccreditation, snapshotOf, type FlagSnapshot } from '~/domain/digests'
import type { Flag } from '~/domain/risk'
import { leadDigestLetter, readyForAccreditationLetter, roundUpLetter, supervisorDigestLetter, type LeadDigestProgramme } from '~/emails/templates'
import { addDays, instantToCalendarDate, nowInstant, today as todayOf, weekStart } from '~/utils/dates'
import { env } from '~/utils/env.server'
import { supervisorCaseload } from './caseload.server'
import type { Db } from './db-types'
import { enqueueMessage, listHeldMessages, markBundled, type OutgoingMessage } from './outbox.server'
import { listProgrammeEnrolments } from './programme.server'
import { getRuleSets } from './rule-set.server'
import { awaitingAccreditationQuery } from './sign-off.server'

const base = () => env.PUBLIC_BASE_URL

interface JobWork {
  messages: OutgoingMessage[]
  /** Saved with the run, for the next period to compare with. */
  state?: unknown
  /** Further writes inside the claiming transaction (e.g. marking held messages as bundled). */
  alsoInTransaction?: (trx: Db) => Promise<void>
}

/**
 * Runs `job` for `period` unless some instance already has: `prepare` reads, then one
 * transaction claims the period and writes the messages. 'already' when another run claimed it.
 */
export async function runOncePerPeriod(db: Db, job: string, period: string, holder: string, now: Date, prepare: () => Promise<JobWork>): Promise<'ran' | 'already'> {
  const done = await db.selectFrom('scheduler_runs').select('job').where('job', '=', job).where('period', '=', period).executeTakeFirst()
  if (done) return 'already'
  const work = await prepare()
  return db.transaction().execute(async (trx) => {
    // The claim is the transaction's first write, so SQLite takes its write lock before anything else.
    const claimed = await trx
      .insertInto('scheduler_runs')
      .values({ job, period, holder, started_at: nowInstant(now), state_json: work.state === undefined ? null : JSON.stringify(work.state) })
      .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
      .returning('job')
      .executeTakeFirst()
    if (!claimed) return 'already'
    for (const message of work.messages) await enqueueMessage(trx, message, now)
    await work.alsoInTransaction?.(trx)
    return 'ran'
  })
}

type Frequency = 'immediate' | 'daily' | 'weekly'

/** Supervisors (anyone supervising an active enrolment) whose e-mail choice is one of `frequencies`. */
async function supervisorsChoosing(db: Db, frequencies: Frequency[]) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where('users.deactivated_at', 'is', null)
    .where('users.email_frequency', 'in', frequencies)
    .where((eb) => eb.exists(eb.selectFrom('enrolments').select('enrolments.id').whereRef('enrolments.supervisor_id', '=', 'users.id').where('enrolments.status', '=', 'active')))
    .orderBy('users.id')
    .execute()
}

/** The supervisor digest for one person: what waits for them, oldest first; null when nothing does. */
export async function supervisorDigest(db: Db, supervisor: { id: number; name: string }, today: string, period: 'daily' | 'weekly') {
  const { todos } = await supervisorCaseload(db, { id: supervisor.id, roles: ['supervisor'] }, today)
  if (todos.length === 0) return null
  return supervisorDigestLetter(base(), {
    name: supervisor.name,
    period,
    todos: oldestFirst(todos).map((t) => ({ traineeName: t.traineeName, title: t.title, since: t.since, overdue: t.overdue, enrolmentId: t.enrolmentId })),
  })
}

async function supervisorDigests(db: Db, today: string, period: 'daily' | 'weekly', key: string): Promise<JobWork> {
  const messages: OutgoingMessage[] = []
  for (const supervisor of await supervisorsChoosing(db, period === 'daily' ? ['immediate', 'daily'] : ['weekly'])) {
    const letter = await supervisorDigest(db, supervisor, today, period)
    if (letter) messages.push({ kind: 'supervisor_digest', recipientId: supervisor.id, letter, scheduled: true, dedupeKey: `supervisor-digest:${supervisor.id}:${key}` })
  }
  return { messages }
}

/** Stages waiting for accreditation longer than their rule set's threshold, with their accreditor. */
export async function overdueAccreditations(db: Db, today: string) {
  const waiting = await awaitingAccreditationQuery(db)
    .innerJoin('users as accreditor', 'accreditor.id', 'enrolments.external_accreditor_id')
    .select([
      'enrolments.id as enrolment_id',
      'enrolments.rule_set_id',
      'enrolment_stages.stage_number',
      'rule_set_stages.name as stage_name',
      'trainee.name as trainee_name',
      'accreditor.id as accreditor_id',
      'accreditor.name as accreditor_name',
      'sign_offs.signed_off_at',
    ])
    .where('accreditor.deactivated_at', 'is', null)
    .orderBy('sign_offs.signed_off_at')
    .execute()
  const ruleSets = await getRuleSets(db, [...new Set(waiting.map((w) => w.rule_set_id))])
  return overdueForAccreditation(
    waiting.map((w) => ({ ...w, enrolmentId: w.enrolment_id, signedOffOn: instantToCalendarDate(w.signed_off_at), waitingDays: ruleSets.get(w.rule_set_id)!.thresholds.waitingDays })),
    today,
  )
}

async function accreditorReminders(db: Db, today: string): Promise<JobWork> {
  const week = weekStart(today)
  return {
    messages: (await overdueAccreditations(db, today)).map((o) => ({
      kind: 'accreditation_reminder',
      recipientId: o.accreditor_id,
      letter: readyForAccreditationLetter(base(), {
        name: o.accreditor_name,
        traineeName: o.trainee_name,
        stageName: o.stage_name,
        signedOffOn: o.signedOffOn,
        enrolmentId: o.enrolmentId,
        daysWaiting: o.daysWaiting,
        thresholdDays: o.waitingDays,
      }),
      // At most one reminder a week for each waiting stage.
      dedupeKey: `accreditation-reminder:${o.enrolmentId}:${o.stage_number}:${week}`,
    })),
  }
}

/** One programme's part of the lead digest, compared with the flags of the last digest. */
async function leadDigestProgramme(db: Db, lead: { id: number }, programme: { id: number; name: string }, today: string, now: Date, previous: FlagSnapshot | null) {
  const enrolments = await listProgrammeEnrolments(db, { id: lead.id, roles: ['lead'] }, programme.id, today)
  const active = enrolments.filter((e) => e.status === 'active')
  const [accredited, concerns] = await Promise.all([
    db
      .selectFrom('accreditations')
      .innerJoin('enrolments', 'enrolments.id', 'accreditations.enrolment_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('enrolments.programme_id', '=', programme.id)
      .where('accreditations.decision', '=', 'accredited')
      .where('accreditations.decided_at', '>=', nowInstant(new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('concerns')
      .innerJoin('enrolments', 'enrolments.id', 'concerns.enrolment_id')
      .innerJoin('users as trainee', 'trainee.id', 'enrolments.trainee_id')
      .select(['concerns.enrolment_id', 'concerns.review_on', 'trainee.name as trainee_name'])
      .where('enrolments.programme_id', '=', programme.id)
      .where('concerns.cleared_at', 'is', null)
      .where('concerns.review_on', 'is not', null)
      .where('concerns.review_on', '<=', addDays(today, 7))
      .orderBy('concerns.review_on')
      .execute(),
  ])
  const part: LeadDigestProgramme = {
    id: programme.id,
    name: programme.name,
    trainees: active.length,
    red: active.filter((e) => e.worstSeverity === 'red').length,
    amber: active.filter((e) => e.worstSeverity === 'amber').length,
    accreditedStagesThisWeek: Number(accredited.count),
    flags: active.flatMap((e) =>
      flagChanges(previous, e.id, e.flags).map((f) => ({ traineeName: e.trainee_name, enrolmentId: e.id, severity: f.severity, reason: f.reason, change: f.change })),
    ),
    concernsDue: concerns.map((c) => ({ traineeName: c.trainee_name, enrolmentId: c.enrolment_id, reviewOn: c.review_on! })),
  }
  return { part, flags: new Map(active.map((e) => [e.id, e.flags])) }
}

/** The weekly digest for every lead (who has not turned e-mail off), and the flags it reported. */
export async function leadDigests(db: Db, today: string, now: Date): Promise<JobWork> {
  const week = weekStart(today)
  const last = await db.selectFrom('scheduler_runs').select('state_json').where('job', '=', 'lead-digest').where('period', '<', week).orderBy('period', 'desc').executeTakeFirst()
  const previous: FlagSnapshot | null = last?.state_json ? JSON.parse(last.state_json) : null
  const rows = await db
    .selectFrom('programme_leads')
    .innerJoin('users', 'users.id', 'programme_leads.user_id')
    .innerJoin('programmes', 'programmes.id', 'programme_leads.programme_id')
    .select(['users.id as lead_id', 'users.name as lead_name', 'programmes.id as programme_id', 'programmes.name as programme_name'])
    .where('users.deactivated_at', 'is', null)
    .where('users.email_frequency', '!=', 'off')
    .orderBy('users.id')
    .orderBy('programmes.name')
    .execute()
  const messages: OutgoingMessage[] = []
  const seen = new Map<number, Flag[]>()
  for (const leadId of [...new Set(rows.map((r) => r.lead_id))]) {
    const mine = rows.filter((r) => r.lead_id === leadId)
    const programmes: LeadDigestProgramme[] = []
    for (const r of mine) {
      const { part, flags } = await leadDigestProgramme(db, { id: leadId }, { id: r.programme_id, name: r.programme_name }, today, now, previous)
      programmes.push(part)
      for (const [id, f] of flags) seen.set(id, f)
    }
    messages.push({
      kind: 'lead_digest',
      recipientId: leadId,
      letter: leadDigestLetter(base(), { name: mine[0].lead_name, weekOf: week, programmes }),
      scheduled: true,
      dedupeKey: `lead-digest:${leadId}:${week}`,
    })
  }
  return { messages, state: snapshotOf(seen) }
}

/** One round-up per person of their held messages (daily or weekly choosers). */
async function roundUps(db: Db, period: 'daily' | 'weekly', key: string): Promise<JobWork> {
  const held = await listHeldMessages(db, period)
  const messages: OutgoingMessage[] = []
  for (const recipientId of [...new Set(held.map((h) => h.recipient_id!))]) {
    const mine = held.filter((h) => h.recipient_id === recipientId)
    messages.push({
      kind: `round_up_${period}`,
      recipientId,
      letter: roundUpLetter(base(), { name: mine[0].name, period, items: mine.map((m) => ({ subject: m.subject, link: m.link })) }),
      scheduled: true,
      dedupeKey: `round-up:${recipientId}:${key}`,
    })
  }
  return {
    messages,
    alsoInTransaction: (trx) =>
      markBundled(
        trx,
        held.map((h) => h.id),
      ),
  }
}

/**
 * Every scheduled e-mail job due at `now`, each at most once per period however many instances
 * call this: daily digests and round-ups keyed by date, weekly ones by the week's Monday (so the
 * first run of a week sends them, normally Monday morning). Returns each job's outcome.
 */
export async function runScheduledEmail(db: Db, holder: string, now = new Date()) {
  const today = todayOf(now)
  const week = weekStart(today)
  return {
    supervisorDaily: await runOncePerPeriod(db, 'supervisor-digest-daily', today, holder, now, () => supervisorDigests(db, today, 'daily', today)),
    supervisorWeekly: await runOncePerPeriod(db, 'supervisor-digest-weekly', week, holder, now, () => supervisorDigests(db, today, 'weekly', week)),
    accreditorReminders: await runOncePerPeriod(db, 'accreditor-reminders', today, holder, now, () => accreditorReminders(db, today)),
    leadDigest: await runOncePerPeriod(db, 'lead-digest', week, holder, now, () => leadDigests(db, today, now)),
    roundUpDaily: await runOncePerPeriod(db, 'round-up-daily', today, holder, now, () => roundUps(db, 'daily', today)),
    roundUpWeekly: await runOncePerPeriod(db, 'round-up-weekly', week, holder, now, () => roundUps(db, 'weekly', week)),
  }
}
