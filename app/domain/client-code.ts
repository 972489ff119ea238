// Client codes: the only handle Attune keeps on a family. DOMAIN.md, "Consent and data protection":
// the tracker stores no client names, only short anonymised codes. A code the trainee chooses must
// therefore not be (or contain) a personal name, an email address, a phone number or an NHS number.
// The checks are heuristics, tuned so that codes people really use ('FAM-07', 'AK-01', 'B3') pass:
// - '@' anywhere: an email address;
// - a run of digits (spaces and hyphens allowed inside) of 10 digits passing the NHS Modulus 11
//   check: an NHS number; a UK phone number (0 and 9-10 more digits, or 44 and 10 more); 6 or more: some other
//   identifying number (a date of birth, a hospital number);
// - a run of letters of 4 or more ('JANE', 'smith') or a capitalised word ('Jo', 'Amy'): looks like
//   a name. Three letters in one case ('FAM', 'tom') cannot be told apart from initials, so they
//   pass (codes are stored in capitals).

export const CLIENT_CODE_MAX_LENGTH = 12

const EXAMPLE = 'like FAM-07 or AK-01'

/** Why `code` is not an acceptable anonymised client code, or null when it is. */
export function clientCodeProblem(raw: string): string | null {
  const code = raw.trim()
  if (code === '') return 'Enter a client code'
  if (code.includes('@')) {
    return `A client code cannot contain an email address or “@”. Use initials and a number that mean nothing outside your notes, ${EXAMPLE}`
  }
  const numberProblem = identifyingNumberProblem(code)
  if (numberProblem) return numberProblem
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(code)) {
    return `Use only letters, numbers, spaces and hyphens in a client code, ${EXAMPLE}`
  }
  const word = (code.match(/[A-Za-z]+/g) ?? []).find(looksLikeName)
  if (word) {
    return `“${word}” looks like a name or a word that could identify the family. Use initials and a number instead, ${EXAMPLE}`
  }
  if (code.length > CLIENT_CODE_MAX_LENGTH) {
    return `Keep the client code to ${CLIENT_CODE_MAX_LENGTH} characters or fewer, ${EXAMPLE}`
  }
  return null
}

/**
 * Why free text about a client (the helping question) contains something identifying, or null:
 * an email address or a phone, NHS or other long number. Names cannot be told from ordinary words
 * in a sentence, so the form reminds the trainee instead.
 */
export function identifyingDetailProblem(text: string): string | null {
  if (/\S@\S/.test(text)) return 'Remove the email address: nothing that could identify the family belongs here'
  const number = identifyingNumberProblem(text)
  return number ? `Remove the number: ${number.charAt(0).toLowerCase()}${number.slice(1).split('. ')[0]}` : null
}

function identifyingNumberProblem(code: string): string | null {
  for (const run of code.match(/\+?\d[\d -]*\d/g) ?? []) {
    const digits = run.replace(/\D/g, '')
    if (digits.length === 10 && isValidNhsNumber(digits)) {
      return 'This looks like an NHS number. Never use an NHS number in a client code: use initials and a short number, like AK-01'
    }
    if (/^0\d{9,10}$/.test(digits) || /^44\d{10}$/.test(digits)) {
      return 'This looks like a phone number. Never use a phone number in a client code: use initials and a short number, like AK-01'
    }
    if (digits.length >= 6) {
      return 'Long numbers can identify someone (a date of birth, a phone, NHS or hospital number). Keep the number part to 5 digits or fewer, like AK-01'
    }
  }
  return null
}

function looksLikeName(word: string): boolean {
  return word.length >= 4 || /^[A-Z][a-z]+$/.test(word)
}

/**
 * The NHS number's Modulus 11 check: weights 10 down to 2 on the first nine digits; the check digit
 * is 11 minus the remainder of the sum divided by 11 (11 becomes 0; 10 means the number is invalid).
 */
export function isValidNhsNumber(text: string): boolean {
  const digits = text.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(digits)) return false
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (10 - i), 0)
  const check = 11 - (sum % 11)
  if (check === 10) return false
  return (check === 11 ? 0 : check) === Number(digits[9])
}
