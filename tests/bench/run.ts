// npm run bench: speed figures for Attune at national scale, on SQLite and on PostgreSQL side by
// side. Prints figures as ratios to a trivial page of the same app in the same run; asserts nothing.
// For each database:
// 1. generates 5,000 trainees on 50 programmes (one of 500, one of 50; tests/bench/generate.ts);
// 2. starts the production build on it (SQLite: data/bench.sqlite; PostgreSQL: a throw-away cluster);
// 3. times pages over loopback (p50/p95 of sequential requests after a warm-up), the trivial page
//    while 4 sustainability-report PDFs render at once, and throughput under 50 connections (autocannon).
import { execSync, spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { get as httpGet } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { openDatabase } from '~db/connection'
import { today } from '~/utils/dates'
import { startPostgresCluster } from '../setup/postgres-cluster'
import { BENCH_PASSWORD, generateBenchDatabase } from './generate'

const PORT = Number(process.env.BENCH_PORT ?? 3300)
const BASE = `http://localhost:${PORT}`
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40)
const SECRET = 'bench-session-secret-that-is-long-enough'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function time(fn: () => Promise<unknown>, samples = SAMPLES, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD }),
  })
  const cookie = response.headers.get('set-cookie')
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email}`)
  return cookie.split(';')[0]
}

/**
 * GETs `path`, returning the size of the body in bytes. Through node:http rather than fetch: fetch
 * gives up on a response that takes over 300 s to start, and a long PDF may. `signal` abandons it.
 */
function get(path: string, cookie?: string, signal?: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpGet(BASE + path, { headers: cookie ? { Cookie: cookie } : {}, signal }, (response) => {
      let bytes = 0
      response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength))
      response.on('end', () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`GET ${path} answered ${response.statusCode}`))))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

async function throughput(path: string, cookie?: string) {
  const result = await autocannon({ url: BASE + path, connections: 50, duration: 5, headers: cookie ? { cookie } : {} })
  return { perSecond: result.requests.average, errors: result.errors + result.timeouts + result.non2xx }
}

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server.js'], {
    env: { ...process.env, PORT: String(PORT), SEED_DEMO_DATA: 'false', NODE_ENV: 'production', SESSION_SECRET: SECRET, ...env },
    stdio: 'ignore',
  })
  for (let i = 0; ; i++) {
    try {
      await get('/login')
      return server
    } catch (error) {
      if (i > 300) throw error
      await sleep(100)
    }
  }
}

async function measure(label: string, target: string, env: Record<string, string>) {
  const started = performance.now()
  const bench = await generateBenchDatabase(target, today())
  const generatedIn = (performance.now() - started) / 1000
  const db = openDatabase(target)
  if (target.startsWith('postgres')) await sql`analyze`.execute(db)
  const counts = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('enrolments').select(eb.fn.countAll<number>().as('n')).as('trainees'),
      eb.selectFrom('cycles').select(eb.fn.countAll<number>().as('n')).as('cycles'),
      eb.selectFrom('supervision_sessions').select(eb.fn.countAll<number>().as('n')).as('sessions'),
    ])
    .executeTakeFirstOrThrow()
  await db.destroy()
  console.log(`${label}: ${counts.trainees} trainees, ${counts.cycles} cycles, ${counts.sessions} supervision sessions; generated in ${generatedIn.toFixed(0)} s`)

  const server = await startServer(env)
  try {
    const lead = await signIn(bench.leadEmail)
    const smallLead = await signIn(bench.smallLeadEmail)
    const trainee = await signIn(bench.traineeEmail)
    const big = `/lead/programmes/${bench.bigProgrammeId}`
    const trivial = await time(() => get('/login'))
    const dashboard = await time(() => get(big, lead))
    const dashboardSmall = await time(() => get(`/lead/programmes/${bench.smallProgrammeId}`, smallLead))
    const html = await get(big, lead)
    const trivialLoad = await throughput('/login')
    const traineeLoad = await throughput('/trainee', trainee)
    // Last, as it leaves work behind: the trivial page while 4 report PDFs render at once, kept at 4 in
    // flight throughout; once its samples are taken, the renders still in flight are abandoned.
    const stop = new AbortController()
    let pdfs = 0
    const renders = Array.from({ length: 4 }, async () => {
      while (!stop.signal.aborted)
        await get(`${big}/report/pdf`, lead, stop.signal).then(
          () => pdfs++,
          () => undefined,
        )
    })
    await sleep(500)
    const trivialUnderPdfs = await time(() => get('/login'), SAMPLES, 0)
    stop.abort()
    await Promise.all(renders)
    return { trivial, dashboard, dashboardSmall, html, trivialUnderPdfs, pdfs, trivialLoad, traineeLoad }
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
}

// BENCH_NO_BUILD=1 uses the build already there (e.g. while browser tests run from it).
if (!process.env.BENCH_NO_BUILD) execSync('npm run build', { stdio: 'ignore' })
const results: Record<string, Awaited<ReturnType<typeof measure>>> = {}
const DATABASE = 'data/bench.sqlite'
for (const suffix of ['', '-wal', '-shm']) rmSync(DATABASE + suffix, { force: true })
results.SQLite = await measure('SQLite', DATABASE, { DATABASE_PATH: DATABASE })
const cluster = await startPostgresCluster()
try {
  const admin = openDatabase(cluster.urlOf('postgres'))
  await sql`create database bench`.execute(admin)
  await admin.destroy()
  results.PostgreSQL = await measure('PostgreSQL', cluster.urlOf('bench'), { DATABASE_URL: cluster.urlOf('bench') })
} finally {
  cluster.stop()
}

const rows: [string, string, (r: (typeof results)[string]) => string][] = [
  ['trivial page (/login) p50 / p95, ms', '–', (r) => `${r.trivial.p50.toFixed(1)} / ${r.trivial.p95.toFixed(1)}`],
  ['lead dashboard, 500 trainees, p50 ÷ trivial p50', '≤ 5', (r) => `${(r.dashboard.p50 / r.trivial.p50).toFixed(1)} (${r.dashboard.p50.toFixed(0)} ms)`],
  ['its HTML, kB', '≤ 200', (r) => (r.html / 1000).toFixed(0)],
  ['dashboard p50, 500 trainees ÷ 50 trainees', '≤ 3', (r) => `${(r.dashboard.p50 / r.dashboardSmall.p50).toFixed(1)} (${r.dashboardSmall.p50.toFixed(0)} ms)`],
  ['trivial p95 while 4 report PDFs render ÷ idle p95', '≤ 2', (r) => `${(r.trivialUnderPdfs.p95 / r.trivial.p95).toFixed(1)} (${r.trivialUnderPdfs.p95.toFixed(0)} ms)`],
  [
    'trainee home ÷ trivial throughput, 50 connections',
    '≥ 0.33',
    (r) => `${(r.traineeLoad.perSecond / r.trivialLoad.perSecond).toFixed(2)} (${r.traineeLoad.perSecond.toFixed(0)}/s, ${r.traineeLoad.errors} errors)`,
  ],
]
console.log(`\nAttune benchmark, ${today()} (Node ${process.version}, ${SAMPLES} samples after warm-up)\n`)
console.log('| figure | target | SQLite | PostgreSQL |\n| --- | --- | --- | --- |')
for (const [label, target, value] of rows) console.log(`| ${label} | ${target} | ${value(results.SQLite)} | ${value(results.PostgreSQL)} |`)
