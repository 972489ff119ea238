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

// Whether a database error is a unique-constraint failure on a table, on SQLite or PostgreSQL. Catching
// it and throwing a Refusal straight away is portable; to go on querying in the same transaction,
// wrap the write in `unlessDuplicate` (PostgreSQL refuses further statements after a failed one).
export { isUniqueViolation } from '~db/portable'
