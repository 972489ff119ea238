// Money is integer pence everywhere (database, domain, CSV); people see pounds, en-GB.
const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 })

/** 123456 → '£1,234.56'; 120000 → '£1,200'; -5000 → '-£50'. */
export function formatPence(pence: number): string {
  return (pence % 100 === 0 ? wholePounds : poundsAndPence).format(pence / 100)
}
