// How audit rows read to people: one sentence per row ("Sarah Thompson confirmed Amira Khan’s
// 90-minute supervision on 12 Nov 2026"), the fields a correction changed ("minutes 60 → 90"), the
// reason, and when it happened in UK time. Pure: names of people, client codes and stage names come
// in the context, so a sentence never shows an internal id, a column name or a raw timestamp. The
// CSV export keeps the exact stored values (auditActionLabel is its "What" column).
import { meetingKindLabel } from '~/domain/stage-end'
import { plural } from '~/domain/wording'
import { relationshipLabel } from '~/schemas/client'
import { formatLabel } from '~/schemas/supervision-session'
import { formatDate, formatInstant } from './dates'

const ACTION_LABEL: Record<string, string> = {
  'enrolment.created': 'Enrolled',
  'enrolment.imported': 'Enrolled from a spreadsheet',
  'enrolment.supervisor_changed': 'Supervisor changed',
  'enrolment.accreditor_changed': 'External accreditor changed',
  'enrolment.rule_set_changed': 'Moved to another rule-set version',
  'supervision_session.created': 'Supervision session recorded',
  'supervision_session.updated': 'Supervision session changed',
  'supervision_session.deleted': 'Supervision session deleted',
  'supervision.confirmed': 'Supervision session confirmed',
  'supervision.returned': 'Supervision session returned',
  'supervision.corrected_by_import': 'Supervision session corrected from an imported spreadsheet',
  'cycle.created': 'Cycle recorded',
  'cycle.updated': 'Cycle changed',
  'cycle.deleted': 'Cycle deleted',
  'cycle.corrected_by_import': 'Cycle corrected from an imported spreadsheet',
  'records.imported': 'Records imported from a spreadsheet',
  'client.created': 'Client added',
  'client.updated': 'Client changed',
  'client.deleted': 'Client deleted',
  'reflection.created': 'Reflection started',
  'reflection.updated': 'Reflection edited',
  'reflection.submitted': 'Reflection submitted',
  'reflection.deleted': 'Reflection deleted',
  'reflection.feedback_given': 'Feedback on a reflection',
  'meeting.recorded': 'Meeting recorded',
  'stage.signed_off': 'Stage signed off',
  'stage.signed_off_with_requirement_unmet': 'Stage signed off with a requirement unmet',
  'stage.accredited': 'Stage accredited',
  'stage.returned': 'Stage returned by the accreditor',
  'stage.unlocked': 'Stage records unlocked',
  'stage.relocked': 'Stage records locked again',
  'certificate.revoked': 'Certificate revoked',
  'concern.raised': 'Concern raised',
  'concern.closed': 'Concern closed',
  'outcome_score.recorded': 'Outcome score recorded',
  'outcome_measure.created': 'Outcome measure added',
  'outcome_measure.activated': 'Outcome measure put back in use',
  'outcome_measure.retired': 'Outcome measure retired',
  'programme.created': 'Programme created',
  'programme.updated': 'Programme changed',
  'rule_set.thresholds_changed': 'Rule-set thresholds changed',
  'rule_set.version_created': 'Rule-set version drafted',
  'rule_set.draft_changed': 'Draft rule set changed',
  'rule_set.published': 'Rule-set version published',
  'pathway.created': 'Pathway added',
  'principle.changed': 'VIG principle reworded',
  'user.created': 'Account created',
  'user.updated': 'Account details or roles changed',
  'user.deactivated': 'Account deactivated',
  'user.reactivated': 'Account reactivated',
  'organisation.created': 'Organisation added',
  'user.password_link_issued': 'Set-password link issued',
  'user.password_reset_requested': 'Set-password link requested',
  'user.password_set': 'Password set through a link',
  'user.email_frequency_set': 'E-mail choice changed',
  'email.sent_again': 'E-mail sent again',
}

/** Every action the app writes to the audit log, each with its label. */
export const AUDIT_ACTIONS = Object.keys(ACTION_LABEL)

/** A short label for an action code ('supervision.confirmed' → 'Supervision session confirmed'); an unknown code reads 'Other change'. */
export function auditActionLabel(action: string): string {
  return ACTION_LABEL[action] ?? 'Other change'
}

/** What the sentences need to name things: people by user id, the trainee's clients by id, stages by number (all as JSON object keys). */
export interface AuditContext {
  traineeName: string
  people: Record<string, string>
  clients: Record<string, string>
  stages: Record<string, string>
}

export interface AuditRowInput {
  at: string
  action: string
  actor_name: string | null
  before_json: string | null
  after_json: string | null
  reason: string | null
}

export interface AuditLine {
  /** UK clock time, '12 Nov 2026, 19:00'. */
  when: string
  sentence: string
  /** 'minutes 60 → 90' for each field a correction changed. */
  changes: string[]
  reason: string | null
}

type Values = Record<string, unknown>

function parse(json: string | null): Values {
  if (!json) return {}
  const value: unknown = JSON.parse(json)
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Values) : {}
}

// GOV.UK style: ’s after every name, including those ending in s (Ella Morris’s).
const possessive = (name: string) => `${name}’s`
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
const dateOf = (v: unknown) => (isDate(v) ? formatDate(v) : 'an unknown date')
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v))

interface Facts {
  actor: string
  trainee: string
  traineeOf: string
  before: Values
  after: Values
  ctx: AuditContext
}

const personOf = (ctx: AuditContext, id: unknown) => (id === null || id === undefined ? 'no one' : (ctx.people[String(id)] ?? 'someone no longer listed'))
const clientOf = (ctx: AuditContext, id: unknown) => ctx.clients[String(id)] ?? 'a client no longer listed'
const stageOf = (ctx: AuditContext, n: unknown) => (n === null || n === undefined ? 'stage' : (ctx.stages[String(n)] ?? `stage ${String(n)}`))

function reflectionWhat(f: Facts, v: Values): string {
  return v.kind === 'stage_end' ? `the written reflection for ${stageOf(f.ctx, v.stage_number)}` : 'a reflection after supervision'
}

const SENTENCE: Record<string, (f: Facts) => string> = {
  'enrolment.created': (f) => `${f.actor} enrolled ${f.trainee}${isDate(f.after.startedOn) ? `, starting ${formatDate(f.after.startedOn)}` : ''}`,
  'enrolment.imported': (f) => `${f.actor} enrolled ${f.trainee} from an imported spreadsheet`,
  'enrolment.supervisor_changed': (f) =>
    `${f.actor} changed ${f.traineeOf} supervisor from ${personOf(f.ctx, f.before.userId)} to ${personOf(f.ctx, f.after.userId)}${isDate(f.after.fromOn) ? ` from ${formatDate(f.after.fromOn)}` : ''}`,
  'enrolment.accreditor_changed': (f) =>
    `${f.actor} changed ${f.traineeOf} external accreditor from ${personOf(f.ctx, f.before.userId)} to ${personOf(f.ctx, f.after.userId)}${isDate(f.after.fromOn) ? ` from ${formatDate(f.after.fromOn)}` : ''}`,
  'enrolment.rule_set_changed': (f) => `${f.actor} moved ${f.trainee} to another version of the pathway rules`,
  'supervision_session.created': (f) => `${f.actor} recorded a ${num(f.after.minutes)}-minute supervision session held on ${dateOf(f.after.held_on)}`,
  'supervision_session.updated': (f) => `${f.actor} changed the supervision session held on ${dateOf(f.before.held_on)}`,
  'supervision_session.deleted': (f) => `${f.actor} deleted the supervision session held on ${dateOf(f.before.held_on)}`,
  'supervision.confirmed': (f) => `${f.actor} confirmed ${f.traineeOf} ${num(f.before.minutes)}-minute supervision on ${dateOf(f.before.heldOn)}`,
  'supervision.returned': (f) => `${f.actor} returned ${f.traineeOf} ${num(f.before.minutes)}-minute supervision on ${dateOf(f.before.heldOn)} for correction`,
  'supervision.corrected_by_import': (f) => `${f.actor} corrected one of ${f.traineeOf} supervision sessions from an imported spreadsheet`,
  'cycle.created': (f) => `${f.actor} recorded a cycle with client ${clientOf(f.ctx, f.after.client_id)}, filmed on ${dateOf(f.after.filmed_on)}`,
  'cycle.updated': (f) => `${f.actor} changed the cycle with client ${clientOf(f.ctx, f.before.client_id)} filmed on ${dateOf(f.before.filmed_on)}`,
  'cycle.deleted': (f) => `${f.actor} deleted the cycle with client ${clientOf(f.ctx, f.before.client_id)} filmed on ${dateOf(f.before.filmed_on)}`,
  'cycle.corrected_by_import': (f) => `${f.actor} corrected one of ${f.traineeOf} cycles from an imported spreadsheet`,
  'records.imported': (f) => `${f.actor} imported ${plural(num(f.after.cycles), 'cycle')} and ${plural(num(f.after.sessions), 'supervision session')} for ${f.trainee} from a spreadsheet`,
  'client.created': (f) => `${f.actor} added client ${String(f.after.code)}`,
  'client.updated': (f) => `${f.actor} changed the details of client ${String(f.before.code)}`,
  'client.deleted': (f) => `${f.actor} deleted client ${String(f.before.code)}`,
  'reflection.created': (f) => `${f.actor} ${f.after.status === 'submitted' ? 'wrote and submitted' : 'started'} ${reflectionWhat(f, f.after)}`,
  'reflection.updated': (f) => `${f.actor} edited the draft of ${reflectionWhat(f, f.after)}`,
  'reflection.submitted': (f) => `${f.actor} submitted ${reflectionWhat(f, f.after)}`,
  'reflection.deleted': (f) => `${f.actor} deleted the draft of ${reflectionWhat(f, f.before)}`,
  'reflection.feedback_given': (f) => `${f.actor} ${f.before.feedback ? 'changed their feedback' : 'gave feedback'} on a reflection by ${f.trainee}`,
  'meeting.recorded': (f) => {
    const kind = f.after.kind === 'introduction' || typeof f.after.kind !== 'string' ? 'introduction' : (f.after.kind as Parameters<typeof meetingKindLabel>[0])
    const outcome = kind === 'introduction' ? '' : `: ${f.after.outcome === 'passed' ? 'passed' : 'not yet passed'}`
    return `${f.actor} recorded ${f.traineeOf} ${meetingKindLabel(kind).toLowerCase()} on ${dateOf(f.after.heldOn)}${outcome}`
  },
  'stage.signed_off': (f) => `${f.actor} signed off ${f.traineeOf} ${stageOf(f.ctx, f.after.stageNumber)}`,
  'stage.signed_off_with_requirement_unmet': (f) => {
    const missing = Array.isArray(f.after.missing) ? f.after.missing.map(String) : []
    return `${f.actor} signed off ${f.traineeOf} ${stageOf(f.ctx, f.after.stageNumber)} with ${missing.length > 0 ? `requirements unmet (${missing.join('; ')})` : 'a requirement unmet'}`
  },
  'stage.accredited': (f) => `${f.actor} accredited ${f.traineeOf} ${stageOf(f.ctx, f.after.stageNumber)}${isDate(f.after.accreditedOn) ? ` on ${formatDate(f.after.accreditedOn)}` : ''}`,
  'stage.returned': (f) => `${f.actor} returned ${f.traineeOf} ${stageOf(f.ctx, f.after.stageNumber)} to them and their supervisor`,
  'stage.unlocked': (f) => `${f.actor} unlocked the records of ${f.traineeOf} ${stageOf(f.ctx, f.after.stageNumber)} for correction`,
  'stage.relocked': (f) => `${f.actor} locked the records of ${f.traineeOf} ${stageOf(f.ctx, f.after.stageNumber)} again`,
  'certificate.revoked': (f) => `${f.actor} revoked a certificate of ${f.trainee}`,
  'concern.raised': (f) => `${f.actor} raised a concern about ${f.trainee}${isDate(f.after.reviewOn) ? `, to review on ${formatDate(f.after.reviewOn)}` : ''}`,
  'concern.closed': (f) => `${f.actor} closed a concern about ${f.trainee}`,
  'outcome_score.recorded': (f) => `${f.actor} recorded a ${String(f.after.measure ?? 'outcome')} score for client ${String(f.after.client ?? 'unknown')}`,
  'outcome_measure.created': (f) => `${f.actor} added the outcome measure ${String(f.after.name ?? '')}`.trimEnd(),
  'outcome_measure.activated': (f) => `${f.actor} put an outcome measure back in use`,
  'outcome_measure.retired': (f) => `${f.actor} retired an outcome measure`,
  'programme.created': (f) => `${f.actor} created the programme`,
  'programme.updated': (f) => `${f.actor} changed the programme’s details`,
  'rule_set.thresholds_changed': (f) => `${f.actor} changed the rule set’s thresholds`,
  'rule_set.version_created': (f) => `${f.actor} drafted a new version of the rule set${typeof f.before.key === 'string' ? `, copied from ${f.before.key}` : ''}`,
  'rule_set.draft_changed': (f) => `${f.actor} changed the draft rule set${typeof f.after.stage_number === 'number' ? ` (Stage ${f.after.stage_number})` : ''}`,
  'rule_set.published': (f) => `${f.actor} published the rule set${isDate(f.after.effective_from) ? `, in use from ${formatDate(f.after.effective_from)}` : ''}`,
  'pathway.created': (f) => `${f.actor} added the pathway ${String(f.after.name ?? '')}`.trimEnd(),
  'principle.changed': (f) => `${f.actor} changed the wording of a VIG principle`,
  'user.created': (f) => `${f.actor} created an account`,
  'user.updated': (f) => `${f.actor} changed an account’s details or roles`,
  'user.deactivated': (f) => `${f.actor} deactivated an account: it can no longer sign in`,
  'user.reactivated': (f) => `${f.actor} reactivated an account`,
  'organisation.created': (f) => `${f.actor} added the organisation ${String(f.after.name ?? '')}`.trimEnd(),
  'user.password_link_issued': (f) => `${f.actor} issued a set-password link`,
  'user.password_reset_requested': (f) => `${f.actor === 'The system' ? 'Someone' : f.actor} asked for a set-password link`,
  'user.password_set': (f) => `${f.actor} set their password through a link`,
  'user.email_frequency_set': (f) => `${f.actor} changed how often they get e-mail`,
  'email.sent_again': (f) => `${f.actor} sent an e-mail again`,
}

type Show = (v: unknown, ctx: AuditContext) => string
const none = (v: unknown) => v === null || v === undefined || v === ''
const showDate: Show = (v) => (none(v) ? 'none' : isDate(v) ? formatDate(v) : 'none')
const showRaw: Show = (v) => (none(v) ? 'none' : String(v))
const showYesNo: Show = (v) => (v === 1 || v === true ? 'yes' : 'no')

/** Fields a person may see changing, by stored name: how each is called and shown. Anything else (ids, timestamps, status codes) is left out. */
const FIELD: Record<string, { label: string; show: Show; text?: true }> = {
  held_on: { label: 'date held', show: showDate },
  heldOn: { label: 'date held', show: showDate },
  minutes: { label: 'minutes', show: showRaw },
  format: { label: 'format', show: (v) => (none(v) ? 'none' : formatLabel(String(v))) },
  supervisor_id: { label: 'supervisor', show: (v, ctx) => personOf(ctx, v) },
  client_ids: { label: 'clients', show: (v, ctx) => (Array.isArray(v) && v.length > 0 ? v.map((id) => clientOf(ctx, id)).join(', ') : 'none') },
  client_id: { label: 'client', show: (v, ctx) => clientOf(ctx, v) },
  filmed_on: { label: 'filmed', show: showDate },
  filmedOn: { label: 'filmed', show: showDate },
  reviewed_on: { label: 'shared review', show: showDate },
  reviewedOn: { label: 'shared review', show: showDate },
  clip_count: { label: 'clips', show: showRaw },
  clipCount: { label: 'clips', show: showRaw },
  stage_number: { label: 'stage', show: (v, ctx) => stageOf(ctx, v) },
  code: { label: 'code', show: showRaw },
  relationship: { label: 'relationship', show: (v) => (none(v) ? 'none' : relationshipLabel(String(v))) },
  consent_given_on: { label: 'consent given', show: showDate },
  consent_supervision: { label: 'consent to supervision', show: showYesNo },
  consent_intervision: { label: 'consent to intervision', show: showYesNo },
  consent_training_events: { label: 'consent to training events', show: showYesNo },
  consent_evaluation: { label: 'consent to evaluation', show: showYesNo },
  consent_withdrawn_on: { label: 'consent withdrawn', show: showDate },
  work_ended_on: { label: 'work ended', show: showDate },
  recordings_erased_on: { label: 'recordings erased', show: showDate },
  notes: { label: 'notes', show: showRaw, text: true },
  helping_question: { label: 'helping question', show: showRaw, text: true },
  name: { label: 'name', show: showRaw },
  started_on: { label: 'start date', show: showDate },
  funding_ends_on: { label: 'funding end', show: showDate },
}

/** Rows whose before and after are a correction of the same record: their changed fields are listed. */
const LISTS_CHANGES = new Set(['supervision_session.updated', 'cycle.updated', 'client.updated', 'programme.updated', 'supervision.corrected_by_import', 'cycle.corrected_by_import'])

/** 'minutes 60 → 90', 'notes changed', or, for a correction recorded without its before, 'minutes now 90'. */
export function describeChanges(before: Values, after: Values, ctx: AuditContext): string[] {
  const out: string[] = []
  for (const key of Object.keys(after)) {
    const field = FIELD[key]
    if (!field) continue
    const to = field.show(after[key], ctx)
    if (!(key in before)) {
      out.push(field.text ? `${field.label} set` : `${field.label} now ${to}`)
      continue
    }
    const from = field.show(before[key], ctx)
    if (from === to) continue
    out.push(field.text ? `${field.label} changed` : `${field.label} ${from} → ${to}`)
  }
  return out
}

/** One audit row as a person reads it: when (UK time), the sentence, the changed fields and the reason. */
export function auditLine(row: AuditRowInput, ctx: AuditContext): AuditLine {
  const before = parse(row.before_json)
  const after = parse(row.after_json)
  const actor = row.actor_name ?? 'The system'
  const facts: Facts = { actor, trainee: ctx.traineeName, traineeOf: possessive(ctx.traineeName), before, after, ctx }
  const sentence = SENTENCE[row.action]?.(facts) ?? `${actor}: ${auditActionLabel(row.action).toLowerCase()}`
  return {
    when: formatInstant(row.at),
    sentence,
    changes: LISTS_CHANGES.has(row.action) ? describeChanges(before, after, ctx) : [],
    reason: row.reason,
  }
}
