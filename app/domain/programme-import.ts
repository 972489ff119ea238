// Importing a programme's records from a spreadsheet: trainees, the dates their stages started,
// their VIG cycles and supervision sessions, as one CSV with a record_type column. Pure: the model
// parses the file and gathers what Attune already holds (ImportContext); this module checks every
// row and plans what to add, naming each problem by row and column. Nothing is written unless the
// whole file is free of problems.
//
// Idempotency (importing the same file twice adds nothing): trainees are matched by email, stages
// by (trainee, stage), cycles by (trainee, client code, filming date), supervision sessions by
// (trainee, date held, minutes). A row already in Attune is skipped and the preview says so.
// Each cycle and session counts in the stage the trainee was in on its date (the shared review for
// a cycle), as when it is logged in Attune.
import { formatDate, parseSpreadsheetDate, type CalendarDate } from '~/utils/dates'
import { stageOf, type RuleSet } from './rule-set'

export const RECORD_TYPES = ['trainee', 'stage', 'cycle', 'supervision'] as const
export type RecordType = (typeof RECORD_TYPES)[number]
export const SESSION_FORMATS = ['one_to_one', 'group', 'remote'] as const
export const SESSION_STATUSES = ['confirmed', 'pending'] as const
export const MIN_SESSION_MINUTES = 15
export const MAX_SESSION_MINUTES = 240
export const MAX_CLIPS = 20

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
  { column: 'email', recordTypes: ['trainee', 'stage', 'cycle', 'supervision'], required: true, meaning: 'The trainee’s email address: it joins each row to its trainee.', example: 'sam.jones@example.org' },
  { column: 'name', recordTypes: ['trainee'], required: true, meaning: 'The trainee’s full name.', example: 'Sam Jones' },
  { column: 'job_title', recordTypes: ['trainee'], required: false, meaning: 'The trainee’s job.', example: 'Health visitor' },
  { column: 'rule_set', recordTypes: ['trainee'], required: true, meaning: 'The rule set the trainee follows, by its key.', example: 'aviguk-practitioner-2026' },
  { column: 'current_stage', recordTypes: ['trainee'], required: true, meaning: 'The stage the trainee is in now: 0 is the Initial Training Course.', example: '2' },
  { column: 'enrolled_on', recordTypes: ['trainee'], required: true, meaning: 'When the trainee joined the programme.', example: '2025-09-01' },
  { column: 'registration_paid_on', recordTypes: ['trainee'], required: false, meaning: 'When the AVIGuk registration fee was paid; blank if not yet.', example: '2025-10-01' },
  { column: 'supervisor_email', recordTypes: ['trainee', 'supervision'], required: false, meaning: 'The supervisor’s email (an Attune supervisor). On a trainee row: their supervisor; on a supervision row: who supervised, if not the trainee’s supervisor.', example: 'supervisor@example.org' },
  { column: 'stage', recordTypes: ['stage', 'cycle', 'supervision'], required: false, meaning: 'On a stage row (required): the stage that started. On a cycle or supervision row (optional): checked against the stage the trainee was in on that date.', example: '1' },
  { column: 'started_on', recordTypes: ['stage'], required: true, meaning: 'When the stage started. Give a stage row for the current stage and each earlier one.', example: '2025-10-06' },
  { column: 'client_code', recordTypes: ['cycle'], required: true, meaning: 'The client’s anonymised code (letters and numbers, never a name).', example: 'SJ-01' },
  { column: 'filmed_on', recordTypes: ['cycle'], required: true, meaning: 'When the interaction was filmed.', example: '2026-01-12' },
  { column: 'reviewed_on', recordTypes: ['cycle'], required: false, meaning: 'When the shared review was held; blank while the cycle is in progress.', example: '2026-01-19' },
  { column: 'clip_count', recordTypes: ['cycle'], required: false, meaning: `How many micro-clips were used (0 to ${MAX_CLIPS}).`, example: '3' },
  { column: 'held_on', recordTypes: ['supervision'], required: true, meaning: 'When the supervision session was held.', example: '2026-01-26' },
  { column: 'minutes', recordTypes: ['supervision'], required: true, meaning: `How long it lasted, in minutes (${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES}).`, example: '60' },
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
}

export interface ImportContext {
  today: CalendarDate
  ruleSets: Map<string, RuleSet>
  /** Attune's users with an email in the file (lower-case), with their role. */
  users: Map<string, { id: number; role: string }>
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
  format: (typeof SESSION_FORMATS)[number]
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
}

/** A client code must not identify a family: short, letters, numbers and hyphens, with a number in it. */
export function isAnonymousClientCode(code: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]{1,11}$/.test(code) && /\d/.test(code)
}

export const cycleKey = (email: string, clientCode: string, filmedOn: string) => `${email}|${clientCode.toUpperCase()}|${filmedOn}`
export const sessionKey = (email: string, heldOn: string, minutes: number) => `${email}|${heldOn}|${minutes}`

export function describeProblem(problem: ImportProblem): string {
  return `Row ${problem.row}${problem.column ? `, column ${problem.column}` : ''}: ${problem.message}`
}

/** The trainee a stage, cycle or supervision row belongs to: new in this file, or already on the programme. */
type Owner =
  | { kind: 'new'; trainee: PlannedTrainee; ruleSet: RuleSet }
  | { kind: 'existing'; enrolment: ExistingEnrolment }

export function planImport(columns: string[], rows: ImportRow[], context: ImportContext): ImportPlan {
  const plan: ImportPlan = { problems: [], skipped: [], ignoredColumns: columns.filter((c) => !IMPORT_COLUMN_NAMES.includes(c)), trainees: [], cycles: [], sessions: [] }
  for (const required of ['record_type', 'email']) {
    if (!columns.includes(required)) plan.problems.push({ row: 1, column: null, message: `the header row has no ${required} column (see the template)` })
  }
  if (plan.problems.length > 0) return plan

  const checker = new RowChecker(context.today)
  const byType = (type: RecordType) => rows.filter((r) => r.values.record_type?.toLowerCase() === type)
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
    if (user && user.role !== 'trainee') {
      checker.problem(r, 'email', `${email} belongs to a ${user.role} in Attune, not a trainee`)
      continue
    }
    if (context.enrolments.has(email)) {
      skippedTrainees.add(email)
      plan.skipped.push({ row: r.row, what: `Trainee ${email}`, reason: 'already on this programme: left as it is' })
      continue
    }
    if (!name || !ruleSet || currentStage === null || !enrolledOn || jobTitle === undefined || registrationPaidOn === undefined || supervisorEmail === undefined) continue
    newTrainees.set(email, {
      trainee: { row: r.row, email, name, jobTitle: jobTitle || null, existingUserId: user?.id ?? null, ruleSetId: ruleSet.id, currentStage, enrolledOn, registrationPaidOn, supervisorEmail, stages: [] },
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
    if (!byType('trainee').some((t) => t.values.email?.trim().toLowerCase() === email)) {
      checker.problem(r, 'email', `${email} has no trainee row in this file and is not on this programme`)
    }
    return null
  }

  for (const r of byType('stage')) {
    const owner = ownerOf(r)
    if (!owner) continue
    if (owner.kind === 'existing') {
      plan.skipped.push({ row: r.row, what: `Stage ${r.values.stage ?? ''} of ${r.values.email}`, reason: 'the trainee is already on this programme: their stages are left as they are' })
      continue
    }
    const stageNumber = checker.stageNumber(r, 'stage', owner.ruleSet, true)
    const startedOn = checker.date(r, 'started_on', true)
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

  const cycleRows = new Map<string, number>()
  for (const r of byType('cycle')) {
    const owner = ownerOf(r)
    const clientCode = checker.clientCode(r)
    const filmedOn = checker.date(r, 'filmed_on', true)
    const reviewedOn = checker.date(r, 'reviewed_on', false)
    const clipCount = checker.wholeNumber(r, 'clip_count', 0, MAX_CLIPS, 0)
    if (filmedOn && reviewedOn && reviewedOn < filmedOn) checker.problem(r, 'reviewed_on', 'the shared review is before filming')
    if (!owner || !clientCode || !filmedOn || reviewedOn === undefined || clipCount === null || (reviewedOn && reviewedOn < filmedOn)) continue
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
    plan.cycles.push({ row: r.row, email, clientCode, filmedOn, reviewedOn, stageNumber, clipCount })
  }

  const sessionRows = new Map<string, number>()
  for (const r of byType('supervision')) {
    const owner = ownerOf(r)
    const heldOn = checker.date(r, 'held_on', true)
    const minutes = checker.wholeNumber(r, 'minutes', MIN_SESSION_MINUTES, MAX_SESSION_MINUTES, null)
    const format = checker.oneOf(r, 'format', SESSION_FORMATS, 'one_to_one')
    const status = checker.oneOf(r, 'status', SESSION_STATUSES, 'confirmed')
    const ownSupervisor = checker.supervisor(r, context.users, false)
    if (!owner || !heldOn || minutes === null || !format || !status || ownSupervisor === undefined) continue
    const email = ownerEmail(owner, r)
    const supervisorEmail = ownSupervisor ?? (owner.kind === 'new' ? owner.trainee.supervisorEmail : owner.enrolment.supervisorEmail)
    if (!supervisorEmail) {
      checker.problem(r, 'supervisor_email', 'enter who supervised (here, or as the supervisor on the trainee’s row)')
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
    plan.sessions.push({ row: r.row, email, heldOn, minutes, format, status, stageNumber, supervisorEmail })
  }

  plan.trainees = [...newTrainees.values()].map((t) => t.trainee)
  plan.problems = checker.problems.sort((a, b) => a.row - b.row)
  return plan
}

function ownerEmail(owner: Owner, r: ImportRow): string {
  return owner.kind === 'new' ? owner.trainee.email : r.values.email.trim().toLowerCase()
}

/**
 * Every stage up to the current one. A stage without its own row starts with the stage before it
 * (or on enrolment); each earlier stage completed when the next started. Starts must not go backwards.
 */
function plannedStages(
  ruleSet: RuleSet,
  trainee: PlannedTrainee,
  stageRows: Map<number, { row: ImportRow; startedOn: CalendarDate }>,
  checker: RowChecker,
): PlannedStage[] {
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
    if (!this.problems.some((p) => p.row === r.row && p.column === 'email')) {
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
    if (!value) return required ? void this.problem(r, column, 'enter a date, like 2026-03-24 or 24/03/2026') : null
    const date = parseSpreadsheetDate(value)
    if (!date) return void this.problem(r, column, `“${value}” is not a real date; write it like 2026-03-24 or 24/03/2026`)
    if (date > this.today) return void this.problem(r, column, `${formatDate(date)} is in the future`)
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
    if (!ruleSet) this.problem(r, 'rule_set', key ? `“${key}” is not a rule set in Attune (use one of ${[...ruleSets.keys()].join(', ')})` : `enter the rule set, one of ${[...ruleSets.keys()].join(', ')}`)
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
    if (!user || user.role !== 'supervisor') return void this.problem(r, 'supervisor_email', `${value} is not a supervisor in your organisation on Attune`)
    return value
  }

  clientCode(r: ImportRow): string | null {
    const value = this.cell(r, 'client_code')
    if (!value) {
      this.problem(r, 'client_code', 'enter the client’s anonymised code')
      return null
    }
    if (!isAnonymousClientCode(value)) {
      this.problem(r, 'client_code', `“${value}” does not look like an anonymised code: use up to 12 letters and numbers with at least one number, like AB-01, never a name`)
      return null
    }
    return value
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

