import { describe, expect, it } from 'vitest'
import { CERTIFICATE_ALPHABET, readCertificateNumber } from '~/domain/certificate'

describe('a certificate number as typed from paper', () => {
  it.each([
    ['AVIG-7K2M-9QXD', 'AVIG-7K2M-9QXD'],
    ['avig-7k2m-9qxd', 'AVIG-7K2M-9QXD'],
    ['  AVIG 7K2M 9QXD ', 'AVIG-7K2M-9QXD'],
    ['AVIG7K2M9QXD', 'AVIG-7K2M-9QXD'],
    ['7K2M-9QXD', 'AVIG-7K2M-9QXD'],
    ['7k2m9qxd', 'AVIG-7K2M-9QXD'],
    ['AVIG–7K2M–9QXD', 'AVIG-7K2M-9QXD'], // en dashes, as a word processor writes them
    ['AVIG-7K2M-9QX0', 'AVIG-7K2M-9QX0'],
    ['AVIG-7K2M-9QXO', 'AVIG-7K2M-9QX0'], // O for zero
    ['AVIG-IK2M-9QXD', 'AVIG-1K2M-9QXD'], // I for one
    ['avig-lk2m-9qxd', 'AVIG-1K2M-9QXD'], // l for one
    ['AV1G-7K2M-9QXD', 'AVIG-7K2M-9QXD'], // 1 for I in the prefix
    ['AVIG.7K2M.9QXD', 'AVIG-7K2M-9QXD'],
  ])('%j is %j', (typed, number) => {
    expect(readCertificateNumber(typed)).toBe(number)
  })

  it.each([
    ['AVIG-7K2M-9QX', 'AVIG-7K2M-9QX'], // too short: matches nothing
    ['AVIG-7K2M-9QXU', 'AVIG-7K2M-9QXU'], // U is not in the alphabet, and is no digit
    ['hello', 'HELLO'],
  ])('%j cannot be a number and stays %j', (typed, kept) => {
    expect(readCertificateNumber(typed)).toBe(kept)
  })

  it('uses an alphabet with no letter that could be read as a digit', () => {
    expect(CERTIFICATE_ALPHABET).not.toMatch(/[ILOU]/)
    expect(CERTIFICATE_ALPHABET).toHaveLength(32)
  })
})
