// The bounds on what one request may ask of the server, in one place (ADR 0012). Each number is
// sized to what a real person needs, with a wide margin, so that no single request (signed in or
// not) can make the server slow for everyone else. Shared by the browser and the server.

/** How much one form may send: bytes of body actually read (whatever the headers say), and fields. */
export interface FormLimits {
  maxBytes: number
  maxFields: number
}

export const FORM_LIMITS = {
  /**
   * Sign-in and set-password: three short fields. A 200-character password of non-Latin letters
   * URL-encodes to under 2 kB.
   */
  signIn: { maxBytes: 8 * 1024, maxFields: 10 },
  /**
   * Every other form. The longest text field is a 10,000-character reflection (at most 90 kB
   * URL-encoded); the most fields are a programme's fees and supervisor capacities.
   */
  standard: { maxBytes: 256 * 1024, maxFields: 1000 },
} satisfies Record<string, FormLimits>

/** The largest CSV file accepted for import (bytes actually read). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024

/**
 * The import page's forms: the upload (the file as it is) and the commit (the checked CSV sent back
 * as a URL-encoded field, at most three bytes per byte of the file), plus a margin for the others.
 */
export const IMPORT_FORM_LIMITS: FormLimits = { maxBytes: 3 * MAX_IMPORT_BYTES + 64 * 1024, maxFields: 10 }

/**
 * Rows in one import file. A large programme has a few hundred trainees with a few dozen records
 * each; a bigger file is split into several, each checked in well under a second.
 */
export const MAX_IMPORT_ROWS = 5000

/** How far a date may lie from today, by what it means. */
export const DATE_WINDOWS = {
  /** A programme's funding ends within ten years (a funding round is three to five). */
  fundingEndYearsAhead: 10,
  /** Records of the past (a programme's start, enrolment, filming, sessions) go back at most 30 years. */
  pastYears: 30,
  /** Planned dates (reviews, what-if scenarios) lie within ten years. */
  futureYears: 10,
} as const

/** The largest amount of money accepted anywhere (budgets, fees): £10 million, in pence. */
export const MAX_MONEY_PENCE = 10_000_000 * 100

/**
 * The longest span any plan or chart counts month by month: twenty years. Loops over months stop
 * here whatever dates they are given (older rows may hold dates from before the windows above).
 */
export const MAX_PLAN_MONTHS = 20 * 12
