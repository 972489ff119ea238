import { describe, expect, it } from 'vitest'
import { safeRedirect } from '~/utils/redirect'

describe('safeRedirect', () => {
  it.each([
    ['/trainee', '/trainee'],
    ['/lead/programmes/3/report?view=table#plan', '/lead/programmes/3/report?view=table#plan'],
    ['/trainee/../admin', '/admin'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // an encoded slash stays a path on this site
  ])('keeps a path on this site: %s', (to, expected) => {
    expect(safeRedirect(to, '/home')).toBe(expected)
  })

  it.each([
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example'],
    ['a slash and a backslash', '/\\evil.example'],
    ['backslashes', '\\\\evil.example'],
    ['a tab after the slash', '/\t/evil.example'],
    ['a line break after the slash', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a NUL byte', '/\u0000/evil.example'],
    ['a leading space', ' //evil.example'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a relative path', 'trainee'],
    ['non-ASCII slashes', '/\u2215\u2215evil.example'],
    ['a full-width solidus', '/\uff0f/evil.example'],
    ['non-ASCII letters', '/tr\u00e4inee'],
    ['a very long path', '/' + 'a'.repeat(3000)],
    ['nothing', ''],
    ['not text', null],
  ])('refuses %s', (_, to) => {
    expect(safeRedirect(to, '/home')).toBe('/home')
  })

  it('refuses the shape the probe used (%2F%09%2Fevil.example, decoded once by the query string)', () => {
    const to = new URLSearchParams('redirectTo=%2F%09%2Fevil.example').get('redirectTo')
    expect(safeRedirect(to, '/home')).toBe('/home')
  })
})
