// An expected "no" found by a model while acting (the stage was signed off a moment ago, the
// accreditor is the supervisor). Thrown, so that a transaction around the work rolls back; the
// action turns it into a form error beside `field` (or above the form when there is no field).
export class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

/** Whether a database error is a UNIQUE constraint failure on `table` (SQLite's wording). */
export function isUniqueViolation(error: unknown, table: string): boolean {
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message) && error.message.includes(`${table}.`)
}
