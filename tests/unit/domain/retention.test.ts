import { describe, expect, it } from 'vitest'
import { erasureDueOn, erasureReminder, recordingStatus } from '~/domain/retention'
import { currentPathway } from './fixtures'

// The seeded rule set: recordings kept 60 days after work ends, reminders from 14 days before.
const ruleSet = currentPathway()

describe('recording erasure dates', () => {
  it('is the end of work plus the rule set’s retention period', () => {
    expect(ruleSet.recordingRetentionDays).toBe(60)
    expect(erasureDueOn('2026-03-01', ruleSet)).toBe('2026-04-30')
    expect(erasureDueOn('2026-12-15', ruleSet)).toBe('2027-02-13')
    expect(erasureDueOn('2026-03-01', { recordingRetentionDays: 30 })).toBe('2026-03-31')
  })

  it.each([
    { name: 'work still going on', dates: { workEndedOn: null, recordingsErasedOn: null }, today: '2026-06-01', expected: { state: 'work_ongoing' } },
    { name: 'erased', dates: { workEndedOn: '2026-01-01', recordingsErasedOn: '2026-02-01' }, today: '2026-06-01', expected: { state: 'erased', erasedOn: '2026-02-01' } },
    {
      name: '15 days before the due date',
      dates: { workEndedOn: '2026-03-01', recordingsErasedOn: null },
      today: '2026-04-15',
      expected: { state: 'keep', dueOn: '2026-04-30', daysLeft: 15 },
    },
    {
      name: '14 days before (the warning starts)',
      dates: { workEndedOn: '2026-03-01', recordingsErasedOn: null },
      today: '2026-04-16',
      expected: { state: 'due_soon', dueOn: '2026-04-30', daysLeft: 14 },
    },
    { name: 'on the due date', dates: { workEndedOn: '2026-03-01', recordingsErasedOn: null }, today: '2026-04-30', expected: { state: 'due_soon', dueOn: '2026-04-30', daysLeft: 0 } },
    { name: 'the day after', dates: { workEndedOn: '2026-03-01', recordingsErasedOn: null }, today: '2026-05-01', expected: { state: 'overdue', dueOn: '2026-04-30', daysOverdue: 1 } },
  ])('$name', ({ dates, today, expected }) => {
    expect(recordingStatus(dates, ruleSet, today)).toEqual(expected)
  })

  it('reminds only when erasure is near or past', () => {
    expect(erasureReminder({ state: 'work_ongoing' })).toBeNull()
    expect(erasureReminder({ state: 'keep', dueOn: '2026-04-30', daysLeft: 15 })).toBeNull()
    expect(erasureReminder({ state: 'erased', erasedOn: '2026-04-01' })).toBeNull()
    expect(erasureReminder({ state: 'due_soon', dueOn: '2026-04-30', daysLeft: 1 })).toBe('Recordings must be erased within 1 day. Erase them and record the date.')
    expect(erasureReminder({ state: 'due_soon', dueOn: '2026-04-30', daysLeft: 0 })).toBe('Recordings must be erased today. Erase them and record the date.')
    expect(erasureReminder({ state: 'overdue', dueOn: '2026-04-30', daysOverdue: 3 })).toBe('Recordings should have been erased 3 days ago. Erase them now and record the date.')
  })
})
