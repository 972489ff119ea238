// Random identifiers: session ids, one-time link tokens, certificate numbers.
import { createHash, randomBytes, randomInt } from 'node:crypto'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

// Crockford base32 without look-alike characters, so a number read off paper can be typed back.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** e.g. 'AVIG-7K2M-9QXD': unguessable enough that certificates cannot be enumerated. */
export function newCertificateNumber(): string {
  const chunk = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  return `AVIG-${chunk()}-${chunk()}`
}
