// Random identifiers: session ids, one-time link tokens, certificate numbers.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { CERTIFICATE_ALPHABET, CERTIFICATE_PREFIX } from '~/domain/certificate'

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** e.g. 'AVIG-7K2M-9QXD': unguessable enough that certificates cannot be enumerated. */
export function newCertificateNumber(): string {
  const chunk = () => Array.from({ length: 4 }, () => CERTIFICATE_ALPHABET[randomInt(CERTIFICATE_ALPHABET.length)]).join('')
  return `${CERTIFICATE_PREFIX}-${chunk()}-${chunk()}`
}
