import { describe, expect, it } from 'vitest'
import { attentionItems, stageEndReflectionHref, type AttentionClient, type AttentionEntry } from '~/domain/trainee-home'
import { currentPathway } from './fixtures'

// The current rule set keeps recordings 60 days after the work ends and warns 14 days before.
const ruleSet = currentPathway()
const today = '2026-11-24'
const entry = (key: string, status: string | null, lockedReason: string | null = null): AttentionEntry => ({ key, href: `/trainee/${key}`, title: key, status, lockedReason })
const client = (id: number, workEndedOn: string | null, erasedOn: string | null = null): AttentionClient => ({
  id,
  code: `C-${id}`,
  work_ended_on: workEndedOn,
  recordings_erased_on: erasedOn,
})

describe('what needs the trainee’s attention', () => {
  it('puts returned records first, then recordings to erase, cycles awaiting review, then drafts', () => {
    const items = attentionItems(
      [entry('draft-1', 'draft'), entry('cycle-1', 'in_progress'), entry('session-1', 'returned'), entry('session-2', 'confirmed')],
      [client(7, '2026-09-01'), client(8, null)],
      ruleSet,
      today,
    )
    expect(items.map((i) => i.key)).toEqual(['session-1', 'erase-7', 'cycle-1', 'draft-1'])
    expect(items[0].text).toBe('session-1: returned by your supervisor. Correct it and send it back.')
    // Work ended 1 Sep: erasure was due 31 Oct, 24 days ago.
    expect(items[1]).toEqual({ key: 'erase-7', href: '/trainee/clients/7', text: 'C-7: Recordings should have been erased 24 days ago. Erase them now and record the date.' })
  })

  it('leaves out cycles and drafts of a locked stage, recordings already erased and those not yet due', () => {
    const items = attentionItems(
      [entry('cycle-2', 'in_progress', 'Stage 1 is signed off'), entry('draft-2', 'draft', 'Stage 1 is signed off')],
      [client(1, '2026-09-01', '2026-10-01'), client(2, '2026-11-01')],
      ruleSet,
      today,
    )
    expect(items).toEqual([])
  })

  it('warns within the last 14 days before erasure is due', () => {
    // Work ended 10 Oct: erasure due 9 Dec, 15 days away (no reminder); a day later it is 14.
    expect(attentionItems([], [client(3, '2026-10-10')], ruleSet, today)).toEqual([])
    expect(attentionItems([], [client(3, '2026-10-10')], ruleSet, '2026-11-25').map((i) => i.text)).toEqual([
      'C-3: Recordings must be erased within 14 days. Erase them and record the date.',
    ])
  })
})

describe('the stage-end written reflection link', () => {
  it.each<[string[], { id: number } | null, string | null]>([
    [['cycles', 'supervision_minutes'], null, null],
    [['cycles', 'written_reflection'], null, '/trainee/reflections/new?stage-end'],
    [['written_reflection'], { id: 42 }, '/trainee/reflections/42'],
  ])('requirements %j, started %j: %s', (keys, started, href) => {
    expect(stageEndReflectionHref(keys, started)).toBe(href)
  })
})
