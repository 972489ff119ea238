// Importing a programme's records from a spreadsheet: trainees, the dates their stages started,
// their VIG cycles and supervision sessions, as one CSV with a record_type column. Pure: the model
// parses the file and gathers what Attune already holds (ImportContext); this module checks every
// row and plans what to add, naming each problem by row and column. Nothing is written unless the
// whole file is free of problems.
//
// Idempotency (importing the same file twice adds nothing): trainees are matched by email, stages
// by (trainee, stage), cycles by (trainee, client code, filming date), supervision sessions by
// (trainee, date held, minutes). A row already in Attune is skipped and the preview says so.
// A corrected file must not count work twice: a row that nearly matches a record (the same client
// filmed within NEAR_MATCH_DAYS, or a session on the same day with other minutes) is shown with
// the record, and the lead chooses to update the record (the default), add the row, or skip it.
// The evidence rules themselves (client codes, clips, minutes, dates) are evidence-rules.ts's,
// the same as the forms'.
// Each cycle and session counts in the stage the trainee was in on its date (the shared review for
// a cycle), as when it is logged in Attune.
import { groupBy } from '~/utils/collections'
import { daysBetween, formatDate, parseSpreadsheetDate, SPREADSHEET_DATE_SHAPES, type CalendarDate } from '~/utils/dates'
import {
  clientCodeIdentity,
  clientCodeProblem,
  DURATION_SHAPES,
  isInTheFuture,
  MAX_CLIPS,
  MAX_SESSION_MINUTES,
  MIN_SESSION_MINUTES,
  parseDuration,
  reviewBeforeFilmingProblem,
  SESSION_FORMAT_VALUES,
  sessionMinutesProblem,
} from './evidence-rules'
import { stageOf, type RuleSet } from './rule-set'

export const RECORD_TYPES = ['trainee', 'stage', 'cycle', 'supervision'] as const
export type RecordType = (typeof RECORD_TYPES)[number]
export const SESSION_STATUSES = ['confirmed', 'pending'] as const
/** A cycle of the same client filmed this many days or fewer from a record's date may be the same cycle. */
export const NEAR_MATCH_DAYS = 7

export interface ImportColumn {
  column: string
  recordTypes: RecordType[]
  required: boolean
  meaning: string
  example: string
}

/** The file's columns, in order: the template's header row and the page's documentation. */
export const IMPORT_COLUMNS: ImportColumn[] = [
  { column: 'record_type', recordTypes: ['trainee', 'stage', 'cycle', 'supervision'], required: true, meaning: 'What the row is: trainee, stage, cycle or supervision.', example: 'cycle' },
  {
    column: 'email',
    recordTypes: ['trainee', 'stage', 'cycle', 'supervision'],
    required: true,
    meaning: 'The trainee’s email address: it joins each row to its trainee.',
    example: 'sam.jones@example.org',
  },
  { column: 'name', recordTypes: ['trainee'], required: true, meaning: 'The trainee’s full name.', example: 'Sam Jones' },
  { column: 'job_title', recordTypes: ['trainee'], required: false, meaning: 'The trainee’s job.', example: 'Health visitor' },
  { column: 'rule_set', recordTypes: ['trainee'], required: true, meaning: 'The rule set the trainee follows, by its key.', example: 'aviguk-practitioner-2026' },
  { column: 'current_stage', recordTypes: ['trainee'], required: true, meaning: 'The stage the trainee is in now: 0 is the Initial Training Course.', example: '2' },
  { column: 'enrolled_on', recordTypes: ['trainee'], required: true, meaning: 'When the trainee joined the programme.', example: '01/09/2025' },
  { column: 'registration_paid_on', recordTypes: ['trainee'], required: false, meaning: 'When the AVIGuk registration fee was paid; blank if not yet.', example: '01/10/2025' },
  {
    column: 'supervisor_email',
    recordTypes: ['trainee', 'supervision'],
    required: false,
    meaning: 'The supervisor’s email (an Attune supervisor). On a trainee row: their supervisor; on a supervision row: who supervised, if not the trainee’s supervisor.',
    example: 'supervisor@example.org',
  },
  {
    column: 'stage',
    recordTypes: ['stage', 'cycle', 'supervision'],
    required: false,
    meaning: 'On a stage row (required): the stage that started. On a cycle or supervision row (optional): checked against the stage the trainee was in on that date.',
    example: '1',
  },
  { column: 'started_on', recordTypes: ['stage'], required: true, meaning: 'When the stage started. Give a stage row for the current stage and each earlier one.', example: '06/10/2025' },
  {
    column: 'client_code',
    recordTypes: ['cycle'],
    required: true,
    meaning: 'The client’s anonymised code, as on the client form: initials and a number, never a name, phone or NHS number. Codes are the same client in any case (sj-01 is SJ-01).',
    example: 'SJ-01',
  },
  { column: 'filmed_on', recordTypes: ['cycle'], required: true, meaning: 'When the interaction was filmed.', example: '12/01/2026' },
  { column: 'reviewed_on', recordTypes: ['cycle'], required: false, meaning: 'When the shared review was held; blank while the cycle is in progress.', example: '19/01/2026' },
  { column: 'clip_count', recordTypes: ['cycle'], required: false, meaning: `How many micro-clips were used (0 to ${MAX_CLIPS}).`, example: '3' },
  { column: 'held_on', recordTypes: ['supervision'], required: true, meaning: 'When the supervision session was held.', example: '26/01/2026' },
  {
    column: 'minutes',
    recordTypes: ['supervision'],
    required: true,
    meaning: `How long it lasted (${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES} minutes), as ${DURATION_SHAPES}.`,
    example: '60',
  },
  { column: 'format', recordTypes: ['supervision'], required: false, meaning: 'one_to_one (the default), group or remote.', example: 'one_to_one' },
  { column: 'status', recordTypes: ['supervision'], required: false, meaning: 'confirmed (the default: the supervisor has agreed it took place) or pending.', example: 'confirmed' },
]

export const IMPORT_COLUMN_NAMES = IMPORT_COLUMNS.map((c) => c.column)

export interface ImportRow {
  /** The row's number in the spreadsheet: the header is row 1. */
  row: number
  values: Record<string, string>
}

export interface ExistingEnrolment {
  id: number
  ruleSet: RuleSet
  enrolledOn: CalendarDate
  supervisorEmail: string | null
  stages: { stageNumber: number; startedOn: CalendarDate; locked: boolean }[]
  cycleKeys: Set<string>
  sessionKeys: Set<string>
  /** The trainee's cycles and sessions, to find rows that nearly match one (a corrected file). */
  cycles: ExistingCycle[]
  sessions: ExistingSession[]
}

export interface ExistingCycle {
  id: number
  clientCode: string
  filmedOn: CalendarDate
  reviewedOn: CalendarDate | null
  clipCount: number
  stageNumber: number | null
}

export interface ExistingSession {
  id: number
  heldOn: CalendarDate
  minutes: number
  stageNumber: number
}

/** What the lead chose for a row that nearly matches a record. */
export const NEAR_MATCH_CHOICES = ['update', 'add', 'skip'] as const
export type NearMatchChoice = (typeof NEAR_MATCH_CHOICES)[number]
/** Updating the record never counts the work twice, and takes the correction the file brings. */
export const DEFAULT_NEAR_MATCH_CHOICE: NearMatchChoice = 'update'

export interface NearMatch {
  row: number
  kind: 'cycle' | 'session'
  existingId: number
  /** The record in Attune and the row, in words. */
  existing: string
  proposed: string
  choice: NearMatchChoice
}

export interface ImportContext {
  today: CalendarDate
  ruleSets: Map<string, RuleSet>
  /** Attune's users with an email in the file (lower-case), with the roles they hold (ADR 0018). */
  users: Map<string, { id: number; roles: readonly string[] }>
  /** Emails of accounts this programme may not use (another organisation's, or closed). */
  unavailableEmails: Set<string>
  /** This programme's enrolments, by the trainee's email (lower-case). */
  enrolments: Map<string, ExistingEnrolment>
}

export interface ImportProblem {
  row: number
  column: string | null
  message: string
}

export interface PlannedStage {
  stageNumber: number
  startedOn: CalendarDate
  /** The next stage's start, for stages before the current one; null for the current stage. */
  completedOn: CalendarDate | null
  status: 'in_progress' | 'signed_off' | 'accredited'
}

export interface PlannedTrainee {
  row: number
  email: string
  name: string
  jobTitle: string | null
  existingUserId: number | null
  ruleSetId: number
  currentStage: number
  enrolledOn: CalendarDate
  registrationPaidOn: CalendarDate | null
  supervisorEmail: string | null
  stages: PlannedStage[]
}

export interface PlannedCycle {
  row: number
  email: string
  clientCode: string
  filmedOn: CalendarDate
  reviewedOn: CalendarDate | null
  stageNumber: number | null
  clipCount: number
}

export interface PlannedSession {
  row: number
  email: string
  heldOn: CalendarDate
  minutes: number
  format: (typeof SESSION_FORMAT_VALUES)[number]
  status: (typeof SESSION_STATUSES)[number]
  stageNumber: number
  supervisorEmail: string
}

export interface ImportPlan {
  problems: ImportProblem[]
  /** Rows already in Attune: not added again. */
  skipped: { row: number; what: string; reason: string }[]
  ignoredColumns: string[]
  trainees: PlannedTrainee[]
  cycles: PlannedCycle[]
  sessions: PlannedSession[]
  /** Rows that nearly match a record, with the lead's choice (or the default). */
  nearMatches: NearMatch[]
  /** Records to correct from their nearly matching rows (the choice "update"). */
  cycleUpdates: (PlannedCycle & { existingId: number })[]
  sessionUpdates: (PlannedSession & { existingId: number })[]
}

export const cycleKey = (email: string, clientCode: string, filmedOn: string) => `${email}|${clientCodeIdentity(clientCode)}|${filmedOn}`
export const sessionKey = (email: string, heldOn: string, minutes: number) => `${email}|${heldOn}|${minutes}`

export function describeProblem(problem: ImportProblem): string {
  return `Row ${problem.row}${problem.column ? `, column ${problem.column}` : ''}: ${problem.message}`
}

/** The trainee a stage, cycle or supervision row belongs to: new in this file, or already on the programme. */
type Owner = { kind: 'new'; trainee: PlannedTrainee; ruleSet: RuleSet } | { kind: 'existing'; enrolment: ExistingEnrolment }

/**
 * Checks every row of the file against `context` and plans what to add or correct. Every problem
 * of every row is named in one round (a row's later checks run even when an earlier cell is
 * wrong, wherever they do not depend on it). `choices` are the lead's answers for rows that
 * nearly match a record, by row number; a row without one takes DEFAULT_NEAR_MATCH_CHOICE.
 */
export function planImport(columns: string[], rows: ImportRow[], context: ImportContext, choices: Map<number, NearMatchChoice> = new Map()): ImportPlan {
  const plan: ImportPlan = {
    problems: [],
    skipped: [],
    ignoredColumns: columns.filter((c) => !IMPORT_COLUMN_NAMES.includes(c)),
    trainees: [],
    cycles: [],
    sessions: [],
    nearMatches: [],
    cycleUpdates: [],
    sessionUpdates: [],
  }
  for (const required of ['record_type', 'email']) {
    if (!columns.includes(required)) plan.problems.push({ row: 1, column: null, message: `the header row has no ${required} column (see the template)` })
  }
  if (plan.problems.length > 0) return plan

  const checker = new RowChecker(context.today)
  // Every check below is constant work per row (maps and sets, never a scan of the rows), so a
  // file's checking time grows in step with its length.
  const rowsOfType = groupBy(rows, (r) => r.values.record_type?.toLowerCase() ?? '')
  const byType = (type: RecordType) => rowsOfType.get(type) ?? []
  const traineeRowEmails = new Set(byType('trainee').map((t) => t.values.email?.trim().toLowerCase()))
  for (const r of rows) {
    const type = r.values.record_type?.toLowerCase() ?? ''
    if (!RECORD_TYPES.includes(type as RecordType)) {
      checker.problem(r, 'record_type', type ? `“${r.values.record_type}” is not one of ${RECORD_TYPES.join(', ')}` : `enter one of ${RECORD_TYPES.join(', ')}`)
    }
  }

  // Trainees first: every other row is joined to one.
  const newTrainees = new Map<string, { trainee: PlannedTrainee; ruleSet: RuleSet; stageRows: Map<number, { row: ImportRow; startedOn: CalendarDate }> }>()
  const skippedTrainees = new Set<string>()
  for (const r of byType('trainee')) {
    const email = checker.email(r)
    const name = checker.text(r, 'name', 200, true)
    const jobTitle = checker.text(r, 'job_title', 200, false)
    const ruleSet = checker.ruleSet(r, context.ruleSets)
    const currentStage = ruleSet ? checker.stageNumber(r, 'current_stage', ruleSet, true) : null
    const enrolledOn = checker.date(r, 'enrolled_on', true)
    const registrationPaidOn = checker.date(r, 'registration_paid_on', false)
    const supervisorEmail = checker.supervisor(r, context.users, false)
    if (!email) continue
    if (newTrainees.has(email) || skippedTrainees.has(email)) {
      checker.problem(r, 'email', `${email} has another trainee row above; give each trainee one row`)
      continue
    }
    if (context.unavailableEmails.has(email)) {
      checker.problem(r, 'email', `${email} cannot be enrolled on this programme: use the person’s email in your organisation, or ask an admin`)
      continue
    }
    const user = context.users.get(email)
    if (user && !user.roles.includes('trainee')) {
      checker.problem(r, 'email', `${email} belongs to a ${user.roles.join(' and ')} in Attune, not a trainee`)
      continue
    }
    if (supervisorEmail === email) {
      checker.problem(r, 'supervisor_email', `${email} cannot supervise their own training: name another supervisor`)
      continue
    }
    if (context.enrolments.has(email)) {
      skippedTrainees.add(email)
      plan.skipped.push({ row: r.row, what: `Trainee ${email}`, reason: 'already on this programme: left as it is' })
      continue
    }
    if (!name || !ruleSet || currentStage === null || !enrolledOn || jobTitle === undefined || registrationPaidOn === undefined || supervisorEmail === undefined) continue
    newTrainees.set(email, {
      trainee: {
        row: r.row,
        email,
        name,
        jobTitle: jobTitle || null,
        existingUserId: user?.id ?? null,
        ruleSetId: ruleSet.id,
        currentStage,
        enrolledOn,
        registrationPaidOn,
        supervisorEmail,
        stages: [],
      },
      ruleSet,
      stageRows: new Map(),
    })
  }

  const ownerOf = (r: ImportRow): Owner | null => {
    const email = checker.email(r)
    if (!email) return null
    const fresh = newTrainees.get(email)
    if (fresh) return { kind: 'new', trainee: fresh.trainee, ruleSet: fresh.ruleSet }
    const existing = context.enrolments.get(email)
    if (existing) return { kind: 'existing', enrolment: existing }
    // A trainee row with problems has been named already; otherwise the trainee is missing.
    if (!traineeRowEmails.has(email)) {
      checker.problem(r, 'email', `${email} has no trainee row in this file and is not on this programme`)
    }
    return null
  }

  for (const r of byType('stage')) {
    const owner = ownerOf(r)
    if (owner?.kind === 'existing') {
      plan.skipped.push({ row: r.row, what: `Stage ${r.values.stage ?? ''} of ${r.values.email}`, reason: 'the trainee is already on this programme: their stages are left as they are' })
      continue
    }
    // The date is checked even when the trainee's row has a problem: every problem in one round.
    const startedOn = checker.date(r, 'started_on', true)
    if (!owner) continue
    const stageNumber = checker.stageNumber(r, 'stage', owner.ruleSet, true)
    if (stageNumber === null || !startedOn) continue
    const entry = newTrainees.get(owner.trainee.email)!
    if (stageNumber > owner.trainee.currentStage) {
      checker.problem(r, 'stage', `${stageOf(owner.ruleSet, stageNumber).name} is after the trainee’s current stage (${stageOf(owner.ruleSet, owner.trainee.currentStage).name})`)
    } else if (entry.stageRows.has(stageNumber)) {
      checker.problem(r, 'stage', `repeats row ${entry.stageRows.get(stageNumber)!.row.row} (the same trainee and stage)`)
    } else if (startedOn < owner.trainee.enrolledOn) {
      checker.problem(r, 'started_on', `the stage starts before the trainee joined the programme on ${formatDate(owner.trainee.enrolledOn)}`)
    } else {
      entry.stageRows.set(stageNumber, { row: r, startedOn })
    }
  }

  for (const { trainee, ruleSet, stageRows } of newTrainees.values()) {
    if (!stageRows.has(trainee.currentStage)) {
      checker.problem({ row: trainee.row, values: {} }, 'current_stage', `add a stage row with the date ${stageOf(ruleSet, trainee.currentStage).name} started`)
      continue
    }
    trainee.stages = plannedStages(ruleSet, trainee, stageRows, checker)
  }

  /**
   * A row that nearly matches a record already in Attune, settled by the lead's choice for its row
   * (updating by default): add it as a new record, leave the record as it is, or update the record
   * (only while its stage is open; otherwise a problem on `column`). Every near match is listed.
   */
  const settleNearMatch = <P extends { row: number }>(
    r: ImportRow,
    owner: Owner,
    near: { id: number; stageNumber: number | null },
    planned: P,
    how: { kind: NearMatch['kind']; column: string; what: string; describe: string; proposed: string; add: P[]; update: (P & { existingId: number })[] },
  ) => {
    const choice = choices.get(r.row) ?? DEFAULT_NEAR_MATCH_CHOICE
    plan.nearMatches.push({ row: r.row, kind: how.kind, existingId: near.id, existing: how.describe, proposed: how.proposed, choice })
    if (choice === 'add') how.add.push(planned)
    else if (choice === 'skip') plan.skipped.push({ row: r.row, what: how.what, reason: 'you chose to leave the record in Attune as it is' })
    else if (checker.editable(r, how.column, owner, near.stageNumber)) how.update.push({ ...planned, existingId: near.id })
  }

  const cycleRows = new Map<string, number>()
  const claimedCycles = new Set<number>()
  for (const r of byType('cycle')) {
    const owner = ownerOf(r)
    const clientCode = checker.clientCode(r)
    const filmedOn = checker.date(r, 'filmed_on', true)
    const reviewedOn = checker.date(r, 'reviewed_on', false)
    const clipCount = checker.wholeNumber(r, 'clip_count', 0, MAX_CLIPS, 0)
    const reviewProblem = filmedOn && reviewedOn ? reviewBeforeFilmingProblem(filmedOn, reviewedOn) : null
    if (reviewProblem) checker.problem(r, 'reviewed_on', lowerFirst(reviewProblem))
    if (!owner || !clientCode || !filmedOn || reviewedOn === undefined || clipCount === null || reviewProblem) continue
    const email = ownerEmail(owner, r)
    const key = cycleKey(email, clientCode, filmedOn)
    if (cycleRows.has(key)) {
      checker.problem(r, 'filmed_on', `repeats row ${cycleRows.get(key)} (the same trainee, client code and filming date)`)
      continue
    }
    cycleRows.set(key, r.row)
    if (owner.kind === 'existing' && owner.enrolment.cycleKeys.has(key)) {
      plan.skipped.push({ row: r.row, what: `Cycle ${clientCode} filmed ${formatDate(filmedOn)} for ${email}`, reason: 'already in Attune' })
      continue
    }
    const stageNumber = reviewedOn ? checker.stageOn(r, 'reviewed_on', owner, reviewedOn, 'the shared review') : null
    if (stageNumber === undefined) continue
    const planned = { row: r.row, email, clientCode, filmedOn, reviewedOn, stageNumber, clipCount }
    const near = owner.kind === 'existing' ? nearestCycle(owner.enrolment, planned, claimedCycles) : null
    if (!near || !owner || owner.kind !== 'existing') {
      plan.cycles.push(planned)
      continue
    }
    claimedCycles.add(near.id)
    settleNearMatch(r, owner, near, planned, {
      kind: 'cycle',
      column: 'filmed_on',
      what: `Cycle ${clientCode} filmed ${formatDate(filmedOn)} for ${email}`,
      describe: describeCycle(near),
      proposed: describeCycle(planned),
      add: plan.cycles,
      update: plan.cycleUpdates,
    })
  }

  const sessionRows = new Map<string, number>()
  const claimedSessions = new Set<number>()
  for (const r of byType('supervision')) {
    const owner = ownerOf(r)
    const heldOn = checker.date(r, 'held_on', true)
    const minutes = checker.duration(r, 'minutes')
    const format = checker.oneOf(r, 'format', SESSION_FORMAT_VALUES, 'one_to_one')
    const status = checker.oneOf(r, 'status', SESSION_STATUSES, 'confirmed')
    const ownSupervisor = checker.supervisor(r, context.users, false)
    if (!owner || !heldOn || minutes === null || !format || !status || ownSupervisor === undefined) continue
    const email = ownerEmail(owner, r)
    const supervisorEmail = ownSupervisor ?? (owner.kind === 'new' ? owner.trainee.supervisorEmail : owner.enrolment.supervisorEmail)
    if (!supervisorEmail) {
      checker.problem(r, 'supervisor_email', 'enter who supervised (here, or as the supervisor on the trainee’s row)')
      continue
    }
    if (supervisorEmail === email) {
      checker.problem(r, 'supervisor_email', `${email} cannot supervise their own training: name who supervised`)
      continue
    }
    const key = sessionKey(email, heldOn, minutes)
    if (sessionRows.has(key)) {
      checker.problem(r, 'held_on', `repeats row ${sessionRows.get(key)} (the same trainee, date and minutes)`)
      continue
    }
    sessionRows.set(key, r.row)
    if (owner.kind === 'existing' && owner.enrolment.sessionKeys.has(key)) {
      plan.skipped.push({ row: r.row, what: `Supervision of ${minutes} minutes on ${formatDate(heldOn)} for ${email}`, reason: 'already in Attune' })
      continue
    }
    const stageNumber = checker.stageOn(r, 'held_on', owner, heldOn, 'the session')
    if (stageNumber === undefined || stageNumber === null) continue
    const planned = { row: r.row, email, heldOn, minutes, format, status, stageNumber, supervisorEmail }
    const near = owner.kind === 'existing' ? owner.enrolment.sessions.find((s) => s.heldOn === heldOn && s.minutes !== minutes && !claimedSessions.has(s.id)) : undefined
    if (!near || owner.kind !== 'existing') {
      plan.sessions.push(planned)
      continue
    }
    claimedSessions.add(near.id)
    settleNearMatch(r, owner, near, planned, {
      kind: 'session',
      column: 'held_on',
      what: `Supervision of ${minutes} minutes on ${formatDate(heldOn)} for ${email}`,
      describe: describeSession(near),
      proposed: describeSession(planned),
      add: plan.sessions,
      update: plan.sessionUpdates,
    })
  }

  plan.trainees = [...newTrainees.values()].map((t) => t.trainee)
  plan.problems = checker.problems.sort((a, b) => a.row - b.row)
  return plan
}

/** The record of the same client filmed nearest the row's date, within NEAR_MATCH_DAYS, not yet matched by another row. */
function nearestCycle(enrolment: ExistingEnrolment, row: PlannedCycle, claimed: Set<number>): ExistingCycle | null {
  const code = clientCodeIdentity(row.clientCode)
  const candidates = enrolment.cycles
    .filter((c) => clientCodeIdentity(c.clientCode) === code && !claimed.has(c.id))
    .map((c) => ({ cycle: c, apart: Math.abs(daysBetween(c.filmedOn, row.filmedOn)) }))
    .filter((c) => c.apart <= NEAR_MATCH_DAYS)
    .sort((a, b) => a.apart - b.apart)
  return candidates[0]?.cycle ?? null
}

function describeCycle(c: { clientCode: string; filmedOn: CalendarDate; reviewedOn: CalendarDate | null; clipCount: number }): string {
  return `${clientCodeIdentity(c.clientCode)} filmed ${formatDate(c.filmedOn)}, ${c.reviewedOn ? `reviewed ${formatDate(c.reviewedOn)}` : 'not yet reviewed'}, ${c.clipCount} clip${c.clipCount === 1 ? '' : 's'}`
}

function describeSession(s: { heldOn: CalendarDate; minutes: number }): string {
  return `Supervision on ${formatDate(s.heldOn)}, ${s.minutes} minutes`
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)

function ownerEmail(owner: Owner, r: ImportRow): string {
  return owner.kind === 'new' ? owner.trainee.email : r.values.email.trim().toLowerCase()
}

/**
 * Every stage up to the current one. A stage without its own row starts with the stage before it
 * (or on enrolment); each earlier stage completed when the next started. Starts must not go backwards.
 */
function plannedStages(ruleSet: RuleSet, trainee: PlannedTrainee, stageRows: Map<number, { row: ImportRow; startedOn: CalendarDate }>, checker: RowChecker): PlannedStage[] {
  const stages: PlannedStage[] = []
  let previous = trainee.enrolledOn
  for (const stage of ruleSet.stages.filter((s) => s.stageNumber <= trainee.currentStage)) {
    const given = stageRows.get(stage.stageNumber)
    if (given && given.startedOn < previous) {
      checker.problem(given.row, 'started_on', `${stage.name} starts before the stage before it (${formatDate(previous)})`)
    }
    const startedOn = given?.startedOn ?? previous
    stages.push({
      stageNumber: stage.stageNumber,
      startedOn,
      completedOn: null,
      status: stage.stageNumber === trainee.currentStage ? 'in_progress' : stage.requiresExternalAccreditation ? 'accredited' : 'signed_off',
    })
    previous = startedOn
  }
  for (let i = 0; i < stages.length - 1; i++) stages[i].completedOn = stages[i + 1].startedOn
  return stages
}

/** Checks one cell at a time, collecting each problem by row and column. */
class RowChecker {
  problems: ImportProblem[] = []
  private badEmailRows = new Set<number>()

  constructor(private today: CalendarDate) {}

  problem(r: ImportRow, column: string | null, message: string): void {
    this.problems.push({ row: r.row, column, message })
  }

  private cell(r: ImportRow, column: string): string {
    return (r.values[column] ?? '').trim()
  }

  email(r: ImportRow): string | null {
    const value = this.cell(r, 'email').toLowerCase()
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return value
    // Named once per row, however many checks ask for the trainee.
    if (!this.badEmailRows.has(r.row)) {
      this.badEmailRows.add(r.row)
      this.problem(r, 'email', value ? `“${this.cell(r, 'email')}” is not an email address` : 'enter the trainee’s email address')
    }
    return null
  }

  /** '' when blank and optional; undefined when there is a problem. */
  text(r: ImportRow, column: string, max: number, required: boolean): string | undefined {
    const value = this.cell(r, column)
    if (!value && required) return void this.problem(r, column, `enter the trainee’s ${column.replace('_', ' ')}`)
    if (value.length > max) return void this.problem(r, column, `must be ${max} characters or fewer`)
    return value
  }

  /** A date that has happened: null when blank and optional; undefined when there is a problem. */
  date(r: ImportRow, column: string, required: boolean): CalendarDate | null | undefined {
    const value = this.cell(r, column)
    if (!value) return required ? void this.problem(r, column, `enter a date, like ${SPREADSHEET_DATE_SHAPES}`) : null
    const date = parseSpreadsheetDate(value)
    if (!date) return void this.problem(r, column, `“${value}” is not a date Attune can read: write a real date, day first, like ${SPREADSHEET_DATE_SHAPES}`)
    if (isInTheFuture(date, this.today)) return void this.problem(r, column, `${formatDate(date)} is in the future`)
    return date
  }

  /** null when there is a problem; `fallback` when blank (a problem if there is none). */
  wholeNumber(r: ImportRow, column: string, min: number, max: number, fallback: number | null): number | null {
    const value = this.cell(r, column)
    if (!value) {
      if (fallback === null) this.problem(r, column, `enter a whole number from ${min} to ${max}`)
      return fallback
    }
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) {
      this.problem(r, column, `“${value}” is not a whole number from ${min} to ${max}`)
      return null
    }
    return n
  }

  /** A session's length in whole minutes; null when there is a problem. */
  duration(r: ImportRow, column: string): number | null {
    const value = this.cell(r, column)
    const minutes = value ? parseDuration(value) : null
    const problem = !value
      ? `enter how long the session lasted, as ${DURATION_SHAPES}`
      : minutes === null
        ? `“${value}” is not a length of time Attune can read: write ${DURATION_SHAPES}`
        : sessionMinutesProblem(minutes) && `“${value}” is ${minutes} minutes. ${sessionMinutesProblem(minutes)}`
    if (problem) {
      this.problem(r, column, problem)
      return null
    }
    return minutes
  }

  /** Whether a record in stage `stageNumber` may still be corrected: a signed-off stage is read-only. */
  editable(r: ImportRow, column: string, owner: Owner, stageNumber: number | null): boolean {
    if (owner.kind !== 'existing' || stageNumber === null) return true
    if (!owner.enrolment.stages.find((s) => s.stageNumber === stageNumber)?.locked) return true
    this.problem(
      r,
      column,
      `the record it corrects is in ${stageOf(owner.enrolment.ruleSet, stageNumber).name}, which has been signed off and is read-only; choose to skip this row, or ask for the stage to be unlocked`,
    )
    return false
  }

  oneOf<T extends string>(r: ImportRow, column: string, allowed: readonly T[], fallback: T): T | null {
    const value = this.cell(r, column).toLowerCase()
    if (!value) return fallback
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problem(r, column, `“${this.cell(r, column)}” is not one of ${allowed.join(', ')}`)
    return null
  }

  ruleSet(r: ImportRow, ruleSets: Map<string, RuleSet>): RuleSet | null {
    const key = this.cell(r, 'rule_set')
    const ruleSet = ruleSets.get(key)
    if (!ruleSet)
      this.problem(
        r,
        'rule_set',
        key ? `“${key}” is not a rule set in Attune (use one of ${[...ruleSets.keys()].join(', ')})` : `enter the rule set, one of ${[...ruleSets.keys()].join(', ')}`,
      )
    return ruleSet ?? null
  }

  stageNumber(r: ImportRow, column: string, ruleSet: RuleSet, required: boolean): number | null {
    const value = this.cell(r, column)
    const numbers = ruleSet.stages.map((s) => s.stageNumber)
    if (!value && !required) return null
    if (!/^\d+$/.test(value) || !numbers.includes(Number(value))) {
      this.problem(r, column, value ? `“${value}” is not a stage of ${ruleSet.name} (${numbers.join(', ')})` : `enter the stage number (${numbers.join(', ')})`)
      return null
    }
    return Number(value)
  }

  /** The supervisor's email (lower-case), null when blank; undefined when it is not an Attune supervisor. */
  supervisor(r: ImportRow, users: ImportContext['users'], required: boolean): string | null | undefined {
    const value = this.cell(r, 'supervisor_email').toLowerCase()
    if (!value) return required ? void this.problem(r, 'supervisor_email', 'enter the supervisor’s email') : null
    const user = users.get(value)
    if (!user || !user.roles.includes('supervisor')) return void this.problem(r, 'supervisor_email', `${value} is not a supervisor in your organisation on Attune`)
    return value
  }

  clientCode(r: ImportRow): string | null {
    const value = this.cell(r, 'client_code')
    if (!value) {
      this.problem(r, 'client_code', 'enter the client’s anonymised code')
      return null
    }
    const problem = clientCodeProblem(value)
    if (problem) {
      this.problem(r, 'client_code', problem)
      return null
    }
    return clientCodeIdentity(value)
  }

  /**
   * The stage the trainee was in on `date`; undefined when there was none, or when it is read-only
   * in Attune, or when the row's own stage column disagrees.
   */
  stageOn(r: ImportRow, column: string, owner: Owner, date: CalendarDate, what: string): number | null | undefined {
    const stages = owner.kind === 'new' ? owner.trainee.stages.map((s) => ({ ...s, locked: false })) : owner.enrolment.stages
    const ruleSet = owner.kind === 'new' ? owner.ruleSet : owner.enrolment.ruleSet
    if (stages.length === 0) return undefined // the trainee's own row has a problem, already named
    const stage = stages.filter((s) => s.startedOn <= date).sort((a, b) => b.stageNumber - a.stageNumber)[0]
    if (!stage) {
      const first = [...stages].sort((a, b) => a.startedOn.localeCompare(b.startedOn))[0]
      return void this.problem(r, column, `${what} on ${formatDate(date)} is before the trainee’s first stage started on ${formatDate(first.startedOn)}`)
    }
    const given = this.cell(r, 'stage')
    if (given && given !== String(stage.stageNumber)) {
      return void this.problem(r, 'stage', `on ${formatDate(date)} the trainee was in ${stageOf(ruleSet, stage.stageNumber).name}, not stage ${given}`)
    }
    if (stage.locked) {
      return void this.problem(r, column, `${stageOf(ruleSet, stage.stageNumber).name} has been signed off, so its records are read-only; ask for it to be unlocked first`)
    }
    return stage.stageNumber
  }
}
