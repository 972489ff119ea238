import { execSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, auditActionLabel, auditLine, type AuditContext } from '~/utils/audit-wording'

const ctx: AuditContext = {
  traineeName: 'Amira Khan',
  people: { '107': 'Sarah Thompson', '108': 'David Okafor', '109': 'Priya Patel' },
  clients: { '431': 'FAM-01', '432': 'FAM-02' },
  stages: { '0': 'Initial Training Course', '1': 'Stage 1 (guided practice)', '2': 'Stage 2' },
}

// 12 Nov 2026, 19:00 in the UK (GMT in November).
const at = '2026-11-12T19:00:00.000Z'
const row = (action: string, before: unknown, after: unknown, actor: string | null = 'Sarah Thompson', reason: string | null = null) => ({
  at,
  action,
  actor_name: actor,
  before_json: before === undefined ? null : JSON.stringify(before),
  after_json: after === undefined ? null : JSON.stringify(after),
  reason,
})

// Every action the app writes (grep -rn "action: '" app/models, and the ternaries beside them), with a
// row shaped as the model writes it and the sentence a person reads.
const CASES: [string, ReturnType<typeof row>, string, string[]?][] = [
  [
    'enrolment.created',
    row('enrolment.created', undefined, { traineeId: 3, ruleSetId: 2, startedOn: '2026-09-01', startingStage: 0, supervisorId: 107, accreditorId: 109 }, 'Priya Patel'),
    'Priya Patel enrolled Amira Khan, starting 1 Sep 2026',
  ],
  [
    'enrolment.imported',
    row('enrolment.imported', undefined, { email: 'amira@example.org', currentStage: 1, stages: [] }, 'Priya Patel', 'Import row 4'),
    'Priya Patel enrolled Amira Khan from an imported spreadsheet',
  ],
  [
    'enrolment.supervisor_changed',
    row('enrolment.supervisor_changed', { userId: 107 }, { userId: 108, fromOn: '2026-11-01' }, 'Priya Patel'),
    'Priya Patel changed Amira Khan’s supervisor from Sarah Thompson to David Okafor from 1 Nov 2026',
  ],
  [
    'enrolment.accreditor_changed',
    row('enrolment.accreditor_changed', { userId: null }, { userId: 109, fromOn: '2026-11-01' }, 'Priya Patel'),
    'Priya Patel changed Amira Khan’s external accreditor from no one to Priya Patel from 1 Nov 2026',
  ],
  ['enrolment.rule_set_changed', row('enrolment.rule_set_changed', { ruleSetId: 1 }, { ruleSetId: 2 }, null), 'The system moved Amira Khan to another version of the pathway rules'],
  [
    'supervision_session.created',
    row('supervision_session.created', undefined, { id: 5, held_on: '2026-11-10', minutes: 90, format: 'group', supervisor_id: 107, client_ids: [431] }, 'Amira Khan'),
    'Amira Khan recorded a 90-minute supervision session held on 10 Nov 2026',
  ],
  [
    'supervision_session.updated',
    row(
      'supervision_session.updated',
      { id: 5, held_on: '2026-11-10', minutes: 60, format: 'one_to_one', supervisor_id: 107, notes: 'a', client_ids: [431], updated_at: 'x' },
      { id: 5, held_on: '2026-11-10', minutes: 90, format: 'group', supervisor_id: 108, notes: 'b', client_ids: [431, 432], updated_at: 'y' },
      'Amira Khan',
    ),
    'Amira Khan changed the supervision session held on 10 Nov 2026',
    ['minutes 60 → 90', 'format One-to-one → Group', 'supervisor Sarah Thompson → David Okafor', 'notes changed', 'clients FAM-01 → FAM-01, FAM-02'],
  ],
  [
    'supervision_session.deleted',
    row('supervision_session.deleted', { id: 5, held_on: '2026-11-10', minutes: 60 }, undefined, 'Amira Khan'),
    'Amira Khan deleted the supervision session held on 10 Nov 2026',
  ],
  [
    'supervision.confirmed',
    row('supervision.confirmed', { status: 'pending', heldOn: '2026-11-12', minutes: 90 }, { status: 'confirmed' }),
    'Sarah Thompson confirmed Amira Khan’s 90-minute supervision on 12 Nov 2026',
  ],
  [
    'supervision.returned',
    row('supervision.returned', { status: 'pending', heldOn: '2026-11-12', minutes: 60 }, { status: 'returned' }, 'Sarah Thompson', 'Was this 90 minutes?'),
    'Sarah Thompson returned Amira Khan’s 60-minute supervision on 12 Nov 2026 for correction',
  ],
  [
    'supervision.corrected_by_import',
    row('supervision.corrected_by_import', undefined, { minutes: 90, format: 'remote' }, 'Priya Patel', 'Import row 9'),
    'Priya Patel corrected one of Amira Khan’s supervision sessions from an imported spreadsheet',
    ['minutes now 90', 'format now Remote (video call)'],
  ],
  [
    'cycle.created',
    row('cycle.created', undefined, { id: 4, client_id: 431, filmed_on: '2026-10-01', reviewed_on: null, clip_count: 3 }, 'Amira Khan'),
    'Amira Khan recorded a cycle with client FAM-01, filmed on 1 Oct 2026',
  ],
  [
    'cycle.updated',
    row(
      'cycle.updated',
      { id: 4, client_id: 431, filmed_on: '2026-10-01', reviewed_on: null, clip_count: 3 },
      { id: 4, client_id: 432, filmed_on: '2026-10-01', reviewed_on: '2026-10-08', clip_count: 3 },
      'Amira Khan',
    ),
    'Amira Khan changed the cycle with client FAM-01 filmed on 1 Oct 2026',
    ['client FAM-01 → FAM-02', 'shared review none → 8 Oct 2026'],
  ],
  [
    'cycle.deleted',
    row('cycle.deleted', { id: 4, client_id: 431, filmed_on: '2026-10-01' }, undefined, 'Amira Khan'),
    'Amira Khan deleted the cycle with client FAM-01 filmed on 1 Oct 2026',
  ],
  [
    'cycle.corrected_by_import',
    row('cycle.corrected_by_import', undefined, { filmedOn: '2026-10-02', reviewedOn: '2026-10-09', clipCount: 2 }, 'Priya Patel'),
    'Priya Patel corrected one of Amira Khan’s cycles from an imported spreadsheet',
    ['filmed now 2 Oct 2026', 'shared review now 9 Oct 2026', 'clips now 2'],
  ],
  [
    'records.imported',
    row('records.imported', undefined, { cycles: 6, sessions: 1 }, 'Priya Patel'),
    'Priya Patel imported 6 cycles and 1 supervision session for Amira Khan from a spreadsheet',
  ],
  ['client.created', row('client.created', undefined, { id: 431, code: 'FAM-01', relationship: 'parent_infant' }, 'Amira Khan'), 'Amira Khan added client FAM-01'],
  [
    'client.updated',
    row(
      'client.updated',
      { id: 431, code: 'FAM-01', consent_supervision: 0, work_ended_on: null },
      { id: 431, code: 'FAM-01', consent_supervision: 1, work_ended_on: '2026-11-20' },
      'Amira Khan',
    ),
    'Amira Khan changed the details of client FAM-01',
    ['consent to supervision no → yes', 'work ended none → 20 Nov 2026'],
  ],
  ['client.deleted', row('client.deleted', { id: 431, code: 'FAM-01' }, undefined, 'Amira Khan'), 'Amira Khan deleted client FAM-01'],
  [
    'reflection.created',
    row('reflection.created', undefined, { id: 2, kind: 'session', stage_number: 1, status: 'draft', bodyLength: 40 }, 'Amira Khan'),
    'Amira Khan started a reflection after supervision',
  ],
  [
    'reflection.updated',
    row('reflection.updated', { kind: 'stage_end', stage_number: 1, status: 'draft' }, { kind: 'stage_end', stage_number: 1, status: 'draft' }, 'Amira Khan'),
    'Amira Khan edited the draft of the written reflection for Stage 1 (guided practice)',
  ],
  [
    'reflection.submitted',
    row('reflection.submitted', { kind: 'stage_end', stage_number: 1, status: 'draft' }, { kind: 'stage_end', stage_number: 1, status: 'submitted', body: 'private words' }, 'Amira Khan'),
    'Amira Khan submitted the written reflection for Stage 1 (guided practice)',
  ],
  [
    'reflection.deleted',
    row('reflection.deleted', { kind: 'session', stage_number: 1, status: 'draft' }, undefined, 'Amira Khan'),
    'Amira Khan deleted the draft of a reflection after supervision',
  ],
  ['reflection.feedback_given', row('reflection.feedback_given', { feedback: null }, { feedback: 'Lovely attunement.' }), 'Sarah Thompson gave feedback on a reflection by Amira Khan'],
  [
    'meeting.recorded',
    row('meeting.recorded', undefined, { stageNumber: 1, kind: 'transition', heldOn: '2026-11-20', outcome: 'passed' }),
    'Sarah Thompson recorded Amira Khan’s transition meeting on 20 Nov 2026: passed',
  ],
  [
    'stage.signed_off',
    row('stage.signed_off', { stageNumber: 1, status: 'in_progress', locked: 0 }, { stageNumber: 1, status: 'signed_off', locked: 1, missing: [] }),
    'Sarah Thompson signed off Amira Khan’s Stage 1 (guided practice)',
  ],
  [
    'stage.signed_off_with_requirement_unmet',
    row('stage.signed_off_with_requirement_unmet', { stageNumber: 1 }, { stageNumber: 1, missing: ['1 more cycle'] }, 'Sarah Thompson', 'Prior learning recognised'),
    'Sarah Thompson signed off Amira Khan’s Stage 1 (guided practice) with requirements unmet (1 more cycle)',
  ],
  [
    'stage.accredited',
    row('stage.accredited', { stageNumber: 1, status: 'signed_off' }, { stageNumber: 1, status: 'accredited', accreditedOn: '2026-11-25', certificates: ['VIG-1'] }, 'Priya Patel'),
    'Priya Patel accredited Amira Khan’s Stage 1 (guided practice) on 25 Nov 2026',
  ],
  [
    'stage.returned',
    row('stage.returned', { stageNumber: 2 }, { stageNumber: 2, status: 'in_progress' }, 'Priya Patel', 'Add a cycle'),
    'Priya Patel returned Amira Khan’s Stage 2 to them and their supervisor',
  ],
  [
    'stage.unlocked',
    row('stage.unlocked', { stageNumber: 0, locked: 1 }, { stageNumber: 0, locked: 0 }, 'Priya Patel'),
    'Priya Patel unlocked the records of Amira Khan’s Initial Training Course for correction',
  ],
  [
    'stage.relocked',
    row('stage.relocked', { stageNumber: 0, locked: 0 }, { stageNumber: 0, locked: 1 }, 'Priya Patel'),
    'Priya Patel locked the records of Amira Khan’s Initial Training Course again',
  ],
  ['certificate.revoked', row('certificate.revoked', { revoked_at: null }, { revoked_at: at }, 'Priya Patel', 'Issued in error'), 'Priya Patel revoked a certificate of Amira Khan'],
  [
    'concern.raised',
    row('concern.raised', undefined, { enrolmentId: 3, flagCode: 'supervision_gap', note: 'n', actionPlan: '', reviewOn: '2026-12-01' }, 'Priya Patel'),
    'Priya Patel raised a concern about Amira Khan, to review on 1 Dec 2026',
  ],
  ['concern.closed', row('concern.closed', undefined, { cleared_at: at }, 'Priya Patel'), 'Priya Patel closed a concern about Amira Khan'],
  [
    'outcome_score.recorded',
    row('outcome_score.recorded', undefined, { client: 'FAM-01', measure: 'Parenting confidence', score: 6 }, 'Amira Khan'),
    'Amira Khan recorded a Parenting confidence score for client FAM-01',
  ],
  [
    'outcome_measure.created',
    row('outcome_measure.created', undefined, { name: 'Parenting confidence', min: 0, max: 10 }, 'Priya Patel'),
    'Priya Patel added the outcome measure Parenting confidence',
  ],
  ['outcome_measure.activated', row('outcome_measure.activated', undefined, undefined, 'Priya Patel'), 'Priya Patel put an outcome measure back in use'],
  ['outcome_measure.retired', row('outcome_measure.retired', undefined, undefined, 'Priya Patel'), 'Priya Patel retired an outcome measure'],
  ['programme.created', row('programme.created', undefined, { name: 'Leeds 2026' }, 'Priya Patel'), 'Priya Patel created the programme'],
  [
    'programme.updated',
    row('programme.updated', { name: 'Leeds', funding_ends_on: '2027-03-31' }, { name: 'Leeds 2026', funding_ends_on: '2027-06-30' }, 'Priya Patel'),
    'Priya Patel changed the programme’s details',
    ['name Leeds → Leeds 2026', 'funding end 31 Mar 2027 → 30 Jun 2027'],
  ],
  ['rule_set.thresholds_changed', row('rule_set.thresholds_changed', { waiting_days: 14 }, { waiting_days: 21 }, 'Admin'), 'Admin changed the rule set’s thresholds'],
  [
    'rule_set.version_created',
    row('rule_set.version_created', { key: 'avig-2026' }, { key: 'avig-v3', version: 3 }, 'Admin'),
    'Admin drafted a new version of the rule set, copied from avig-2026',
  ],
  ['rule_set.draft_changed', row('rule_set.draft_changed', { required_new_clients: 3 }, { stage_number: 3, required_new_clients: 4 }, 'Admin'), 'Admin changed the draft rule set (Stage 3)'],
  [
    'rule_set.published',
    row('rule_set.published', { status: 'draft' }, { status: 'active', effective_from: '2026-11-30' }, 'Admin'),
    'Admin published the rule set, in use from 30 Nov 2026',
  ],
  ['pathway.created', row('pathway.created', undefined, { key: 'supervisor', name: 'Supervisor pathway' }, 'Admin'), 'Admin added the pathway Supervisor pathway'],
  ['principle.changed', row('principle.changed', { name: 'a' }, { name: 'b' }, 'Admin'), 'Admin changed the wording of a VIG principle'],
  ['user.updated', row('user.updated', { name: 'Sam Lee' }, { name: 'Sam Lee-Hart' }, 'Priya Patel'), 'Priya Patel changed an account’s details or roles'],
  ['user.deactivated', row('user.deactivated', undefined, undefined, 'Priya Patel'), 'Priya Patel deactivated an account: it can no longer sign in'],
  ['user.reactivated', row('user.reactivated', undefined, undefined, 'Priya Patel'), 'Priya Patel reactivated an account'],
  ['organisation.created', row('organisation.created', undefined, { name: 'Southfield NHS Trust' }, 'Admin'), 'Admin added the organisation Southfield NHS Trust'],
  ['user.created', row('user.created', undefined, { email: 'x@example.org' }, 'Priya Patel'), 'Priya Patel created an account'],
  ['user.password_link_issued', row('user.password_link_issued', undefined, undefined, 'Priya Patel'), 'Priya Patel issued a set-password link'],
  ['user.password_reset_requested', row('user.password_reset_requested', undefined, undefined, null), 'Someone asked for a set-password link'],
  ['user.password_set', row('user.password_set', undefined, undefined, 'Amira Khan'), 'Amira Khan set their password through a link'],
  ['user.email_frequency_set', row('user.email_frequency_set', { frequency: 'immediate' }, { frequency: 'weekly' }, 'Amira Khan'), 'Amira Khan changed how often they get e-mail'],
  ['email.sent_again', row('email.sent_again', undefined, undefined, 'Admin'), 'Admin sent an e-mail again'],
]

describe('audit trail in words', () => {
  it.each(CASES)('%s reads as a sentence', (_action, input, sentence, changes = []) => {
    const line = auditLine(input, ctx)
    expect(line.sentence).toBe(sentence)
    expect(line.changes).toEqual(changes)
    expect(line.when).toBe('12 Nov 2026, 19:00')
  })

  it('writes ’s after a name ending in s', () => {
    expect(auditLine(row('stage.relocked', {}, { stageNumber: 0 }), { ...ctx, traineeName: 'Ella Morris' }).sentence).toBe(
      'Sarah Thompson locked the records of Ella Morris’s Initial Training Course again',
    )
  })

  it('shows the time in UK summer time in summer', () => {
    expect(auditLine({ ...row('stage.relocked', {}, { stageNumber: 0 }), at: '2026-06-30T23:30:00.000Z' }, ctx).when).toBe('1 Jul 2026, 00:30')
  })

  it('keeps the reason, and never shows ids, column names or raw timestamps', () => {
    for (const [, input] of CASES) {
      const line = auditLine(input, ctx)
      const text = [line.sentence, ...line.changes].join(' ')
      expect(text).not.toMatch(/_id|_on\b|_at\b|\bid\b|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|[a-z]+_[a-z]+|\b(107|108|109|431|432)\b/)
      expect(line.reason).toBe(input.reason)
    }
  })

  it('has a case and a label for every action the app writes', () => {
    const written = execSync(`grep -rhoE "(action: |\\? |: )'[a-z_]+\\.[a-z_]+'" app/models`, { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.match(/'([a-z_]+\.[a-z_]+)'/)?.[1])
      .filter(
        (a): a is string =>
          a !== undefined &&
          !a.includes('server') &&
          /^(organisation|pathway|enrolment|supervision|supervision_session|cycle|records|client|reflection|meeting|stage|certificate|concern|outcome_score|outcome_measure|programme|rule_set|principle|user|email)\./.test(
            a,
          ),
      )
    const missing = [...new Set(written)].filter((a) => !CASES.some(([action]) => action === a))
    expect(missing).toEqual([])
    for (const action of AUDIT_ACTIONS) expect(CASES.map(([a]) => a)).toContain(action)
    expect(auditActionLabel('something.new')).toBe('Other change')
  })

  it('words an action it does not know without its code', () => {
    expect(auditLine(row('something.new', undefined, { x: 1 }), ctx).sentence).toBe('Sarah Thompson: other change')
  })
})
