// Names in recommendations: a sentence about hundreds of trainees names a few and counts the rest.
import { describe, expect, it } from 'vitest'
import { someNames } from '~/domain/wording'

describe('someNames', () => {
  it('lists every name up to the maximum, as before', () => {
    expect(someNames(['Amira Khan', 'Ben Carter'])).toBe('Amira Khan, Ben Carter')
    expect(someNames([])).toBe('')
  })

  it('names the first eight of 403 and counts the other 395', () => {
    const names = Array.from({ length: 403 }, (_, i) => `Trainee ${i + 1}`)
    expect(someNames(names)).toBe('Trainee 1, Trainee 2, Trainee 3, Trainee 4, Trainee 5, Trainee 6, Trainee 7, Trainee 8 and 395 others')
    expect(someNames(names.slice(0, 9))).toBe('Trainee 1, Trainee 2, Trainee 3, Trainee 4, Trainee 5, Trainee 6, Trainee 7, Trainee 8 and 1 other')
  })
})
