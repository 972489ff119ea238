// The environment is read once at start-up (app/utils/env.server.ts); each case imports it afresh.
import { afterEach, describe, expect, it, vi } from 'vitest'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.resetModules()
})

async function readEnv(values: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  vi.resetModules()
  return (await import('~/utils/env.server')).env
}

describe('environment', () => {
  it('points certificate links at the address actually served: PUBLIC_BASE_URL follows PORT', async () => {
    expect((await readEnv({ PORT: '3150', PUBLIC_BASE_URL: undefined })).PUBLIC_BASE_URL).toBe('http://localhost:3150')
    expect((await readEnv({ PORT: undefined, PUBLIC_BASE_URL: undefined })).PUBLIC_BASE_URL).toBe('http://localhost:3000')
    expect((await readEnv({ PORT: '3150', PUBLIC_BASE_URL: 'https://attune.example' })).PUBLIC_BASE_URL).toBe('https://attune.example')
  })

  it('selects PostgreSQL only by a postgres:// address, and then requires a shared SESSION_SECRET', async () => {
    await expect(readEnv({ DATABASE_URL: 'mysql://x', SESSION_SECRET: 'x'.repeat(32) })).rejects.toThrow(/DATABASE_URL must be a postgres:\/\/ address/)
    await expect(readEnv({ DATABASE_URL: 'postgres://db/attune', SESSION_SECRET: undefined })).rejects.toThrow(/SESSION_SECRET is required with DATABASE_URL/)
    expect((await readEnv({ DATABASE_URL: 'postgres://db/attune', SESSION_SECRET: 'x'.repeat(32) })).DATABASE_URL).toBe('postgres://db/attune')
  })
})
