// The environment, read and validated once at start-up. Nothing else reads process.env.
import { z } from 'zod'

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** The SQLite file. The default lives under data/ (git-ignored) and is created on first start. */
    DATABASE_PATH: z.string().min(1).default('data/attune.sqlite'),
    /** A PostgreSQL server instead of the SQLite file: `postgres://user:password@host:5432/attune`. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//i, 'DATABASE_URL must be a postgres:// address (leave it unset to use the SQLite file)')
      .optional(),
    /** Signs the session cookie. When unset, a random secret is kept beside the database. */
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    /** Seed the demo programme into an empty database on start. */
    SEED_DEMO_DATA: flag.default(true),
    /** Where the server listens (read by remix-serve too). */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The public address of this service: the base of certificate verification links. Defaults to this server's own address. */
    PUBLIC_BASE_URL: z.url().optional(),
    /** Serve the session cookie with the Secure flag (on for https deployments). */
    SECURE_COOKIES: flag.optional(),
    /** Worker threads rendering PDFs; the default is one per core. */
    PDF_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /** PDFs that may wait for a free worker before further requests are answered "busy, try again". */
    PDF_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
    /**
     * The SMTP relay e-mail goes through, e.g. smtps://user:password@smtp.example.nhs.uk:465 or
     * smtp://relay.internal:25. Unset: messages wait in the outbox, where an admin sees them.
     */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must look like smtp://host:port or smtps://user:password@host:465' }).optional(),
    /** The From address of Attune's e-mail. Default: no-reply at PUBLIC_BASE_URL's host. */
    MAIL_FROM: z.string().min(3).optional(),
  })
  .refine((e) => !e.DATABASE_URL || e.SESSION_SECRET, {
    path: ['SESSION_SECRET'],
    message: 'SESSION_SECRET is required with DATABASE_URL, so that every app process signs cookies with the same secret',
  })
  .transform((e) => ({ ...e, PUBLIC_BASE_URL: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}` }))

export type Env = z.infer<typeof EnvSchema>

function readEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid environment: ${problems}`)
  }
  return parsed.data
}

export const env = readEnv()
