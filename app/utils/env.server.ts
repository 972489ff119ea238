// The environment, read and validated once at start-up. Nothing else reads process.env.
import { z } from 'zod'

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The SQLite file. The default lives under data/ (git-ignored) and is created on first start. */
  DATABASE_PATH: z.string().min(1).default('data/attune.sqlite'),
  /** Signs the session cookie. When unset, a random secret is kept beside the database. */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** Seed the demo programme into an empty database on start. */
  SEED_DEMO_DATA: flag.default(true),
  /** The public address of this service: the base of certificate verification links. */
  PUBLIC_BASE_URL: z.url().default('http://localhost:3000'),
  /** Serve the session cookie with the Secure flag (on for https deployments). */
  SECURE_COOKIES: flag.optional(),
  /**
   * The SMTP relay e-mail goes through, e.g. smtps://user:password@smtp.example.nhs.uk:465 or
   * smtp://relay.internal:25. Unset: messages wait in the outbox, where an admin sees them.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'SMTP_URL must look like smtp://host:port or smtps://user:password@host:465' })
    .optional(),
  /** The From address of Attune's e-mail. Default: no-reply at PUBLIC_BASE_URL's host. */
  MAIL_FROM: z.string().min(3).optional(),
})

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
