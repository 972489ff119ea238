import { describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS, secondsToWait } from '~/domain/sign-in-throttle'

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 24, 9, 0, seconds))

describe('slowing down failed sign-ins', () => {
  it.each([
    [FREE_ATTEMPTS - 1, 0, 0],
    [FREE_ATTEMPTS, 0, 30],
    [FREE_ATTEMPTS, 29, 1],
    [FREE_ATTEMPTS, 30, 0],
    [FREE_ATTEMPTS + 1, 0, 60],
    [FREE_ATTEMPTS + 3, 10, 230],
    [FREE_ATTEMPTS + 20, 0, 900],
  ])('after %i failures, %i s later: wait %i s', (failures, elapsed, wait) => {
    expect(secondsToWait(failures, at(0), new Date(at(0).getTime() + elapsed * 1000))).toBe(wait)
  })

  it('never blocks an account with no failure time', () => {
    expect(secondsToWait(50, null, at(0))).toBe(0)
  })
})
