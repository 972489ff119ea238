// How audit rows read to people, on screen and in the CSV export.

const ACTION_LABEL: Record<string, string> = {
  'enrolment.created': 'Enrolled',
  'enrolment.supervisor_changed': 'Supervisor changed',
  'enrolment.accreditor_changed': 'External accreditor changed',
  'enrolment.rule_set_changed': 'Moved to another rule-set version',
  'supervision.confirmed': 'Supervision session confirmed',
  'supervision.returned': 'Supervision session returned',
  'reflection.feedback_given': 'Feedback on a reflection',
  'meeting.recorded': 'Meeting recorded',
  'stage.signed_off': 'Stage signed off',
  'stage.signed_off_with_requirement_unmet': 'Stage signed off with a requirement unmet',
  'stage.accredited': 'Stage accredited',
  'stage.returned': 'Stage returned by the accreditor',
  'stage.unlocked': 'Stage records unlocked',
  'stage.relocked': 'Stage records locked again',
  'programme.created': 'Programme created',
  'programme.updated': 'Programme changed',
  'user.created': 'Account created',
  'user.password_link_issued': 'Set-password link issued',
  'user.password_set': 'Password set through a link',
  'cycle.corrected_by_import': 'Cycle corrected from an imported spreadsheet',
  'supervision.corrected_by_import': 'Supervision session corrected from an imported spreadsheet',
}

export function auditActionLabel(action: string): string {
  return ACTION_LABEL[action] ?? action
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '–'
  if (Array.isArray(value)) return value.length ? value.map(show).join('; ') : 'none'
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ')
  return String(value)
}

/** 'status: pending → confirmed; minutes: 60' from the row's before and after JSON. */
export function describeChange(beforeJson: string | null, afterJson: string | null): string {
  const before = (beforeJson ? JSON.parse(beforeJson) : {}) as Record<string, unknown>
  const after = (afterJson ? JSON.parse(afterJson) : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys
    .map((key) => {
      if (!(key in after)) return `${key}: ${show(before[key])}`
      if (!(key in before)) return `${key}: ${show(after[key])}`
      const from = show(before[key])
      const to = show(after[key])
      return from === to ? `${key}: ${to}` : `${key}: ${from} → ${to}`
    })
    .join('; ')
}
