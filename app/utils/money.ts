// Money is stored as integer pence and typed by people as pounds ('£1,250.50', '640').

const POUNDS = /^£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/

/** Pence from a typed pounds amount, or null when it is not an amount of money. */
export function penceFromPounds(text: string): number | null {
  const trimmed = text.trim()
  if (!POUNDS.test(trimmed)) return null
  const [whole, fraction = ''] = trimmed.replace(/[£,\s]/g, '').split('.')
  const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  // 400 nines would be Infinity: beyond exact whole numbers, it is not an amount anyone means.
  return Number.isSafeInteger(pence) ? pence : null
}

/** Pounds as a person types them back into a form: 64000 → '640', 64050 → '640.50'. */
export function poundsFromPence(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2)
}

// Built once: an Intl.NumberFormat takes longer to build than to use.
const WHOLE_POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0 })
const POUNDS_AND_PENCE = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 })

/** '£24,000' or '£640.50' */
export function formatPence(pence: number): string {
  return (pence % 100 === 0 ? WHOLE_POUNDS : POUNDS_AND_PENCE).format(pence / 100)
}
