// Two app processes (the production build) on one PostgreSQL database, as a national deployment
// runs them: a session made by one is honoured and ended by the other, and failed sign-ins
// count towards one throttle whichever process they reach. Needs `npm run build` first.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FREE_ATTEMPTS } from '~/domain/sign-in-throttle'
import { getDb } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { createUser, TEST_PASSWORD } from '../../factories'

const servers: ChildProcess[] = []

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function startApp(): Promise<string> {
  const port = await freePort()
  const server = spawn(process.execPath, ['server.js'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: env.DATABASE_URL, SESSION_SECRET: env.SESSION_SECRET, SEED_DEMO_DATA: 'false', NODE_ENV: 'production' },
    stdio: 'ignore',
  })
  servers.push(server)
  const base = `http://localhost:${port}`
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`The app on port ${port} exited with code ${server.exitCode}`)
    if ((await fetch(`${base}/login`).catch(() => undefined))?.status === 200) return base
    await sleep(100)
  }
  throw new Error(`The app on port ${port} did not start`)
}

function post(base: string, path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  })
}

beforeAll(() => {
  if (!existsSync('build/index.js') || !existsSync('build/pdf-worker.js')) throw new Error('Run `npm run build` before this test')
})

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.exitCode !== null ? resolve(null) : (s.once('exit', resolve), s.kill('SIGTERM'))))))
})

describe('two app processes on one PostgreSQL', () => {
  it('stop at start with a clear message and exit code 69 when PostgreSQL cannot be reached', async () => {
    const port = await freePort()
    const server = spawn(process.execPath, ['server.js'], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/attune`, SESSION_SECRET: env.SESSION_SECRET, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    servers.push(server)
    let stderr = ''
    server.stderr!.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => server.once('exit', resolve))
    expect(code).toBe(69)
    expect(stderr).toContain('Attune cannot start: the database postgres://127.0.0.1:')
    expect(stderr).toContain('Check DATABASE_URL and that the PostgreSQL server is running')
    expect(stderr).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('share sessions: signed in on one, recognised and signed out on the other', async () => {
    const user = await createUser(await getDb(), 'trainee')
    const [a, b] = await Promise.all([startApp(), startApp()])
    const signedIn = await post(a, '/login', { email: user.email, password: TEST_PASSWORD })
    expect(signedIn.status).toBe(302)
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]
    expect((await fetch(`${b}/trainee`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(200)
    expect((await post(b, '/logout', {}, cookie)).status).toBe(302)
    const after = await fetch(`${a}/trainee`, { headers: { Cookie: cookie }, redirect: 'manual' })
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toMatch(/^\/login/)
  })

  it('count failed sign-ins to either towards one throttle', async () => {
    const user = await createUser(await getDb(), 'trainee')
    const [a, b] = await Promise.all([startApp(), startApp()])
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await post(i % 2 ? a : b, '/login', { email: user.email, password: 'wrong password' })).status).toBe(200)
    // Failures are counted per client and account in the shared throttles table (ADR 0012).
    const counted = await (await getDb()).selectFrom('throttles').select('count').where('key', 'like', `sign-in|%|${user.email}`).execute()
    expect(counted.reduce((sum, row) => sum + Number(row.count), 0)).toBe(FREE_ATTEMPTS)
    for (const base of [a, b]) {
      const refused = await post(base, '/login', { email: user.email, password: TEST_PASSWORD })
      expect(refused.status).toBe(200)
      expect(await refused.text()).toContain('Too many attempts')
    }
  })
})
