// "Today" and every time shown are the UK's whatever the server's zone (issue 10, part 3): the date
// logic runs as separate processes under several TZ values, at instants either side of both 2026
// clock changes (GMT→BST at 01:00 UTC on 29 Mar; BST→GMT at 01:00 UTC on 25 Oct).
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SCRIPT = fileURLToPath(new URL('./zone/dates-at.ts', import.meta.url))

// [instant, UK calendar date, UK clock time shown]
const INSTANTS: [string, string, string][] = [
  ['2026-03-28T23:30:00.000Z', '2026-03-28', '28 Mar 2026, 23:30'], // Saturday night, GMT
  ['2026-03-29T00:59:00.000Z', '2026-03-29', '29 Mar 2026, 00:59'], // a minute before the clocks go forward
  ['2026-03-29T01:00:00.000Z', '2026-03-29', '29 Mar 2026, 02:00'], // BST begins
  ['2026-03-29T23:30:00.000Z', '2026-03-30', '30 Mar 2026, 00:30'], // half past midnight BST: UTC still says the 29th
  ['2026-07-01T23:10:00.000Z', '2026-07-02', '2 Jul 2026, 00:10'],
  ['2026-10-24T23:30:00.000Z', '2026-10-25', '25 Oct 2026, 00:30'], // the last night of BST
  ['2026-10-25T00:30:00.000Z', '2026-10-25', '25 Oct 2026, 01:30'], // the first 01:30 (BST)
  ['2026-10-25T01:30:00.000Z', '2026-10-25', '25 Oct 2026, 01:30'], // the second 01:30 (GMT)
  ['2026-10-25T23:30:00.000Z', '2026-10-25', '25 Oct 2026, 23:30'], // GMT again: UK and UTC agree
]

function answersUnder(zone: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', SCRIPT, ...INSTANTS.map(([instant]) => instant)], {
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  })
  return JSON.parse(out) as { zone: string; answers: Record<string, unknown>[] }
}

describe.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/London'])('on a server whose zone is %s', (zone) => {
  it('uses the UK calendar date and clock, and accepts a session held today', () => {
    const { zone: seen, answers } = answersUnder(zone)
    expect(seen).toBe(zone)
    expect(answers).toEqual(
      INSTANTS.map(([instant, date, shown]) => ({
        instant,
        today: date,
        shown,
        calendarDate: date,
        tomorrow: expect.stringMatching(/^2026-/),
        daysToNextWeek: 7,
        heldTodayAccepted: true,
        tomorrowAccepted: false,
      })),
    )
    expect(answers.map((a) => a.tomorrow)).toEqual(['2026-03-29', '2026-03-30', '2026-03-30', '2026-03-31', '2026-07-03', '2026-10-26', '2026-10-26', '2026-10-26', '2026-10-26'])
  }, 30_000)
})
