// npm run bench: speed and memory figures for Attune at national scale. Prints figures; asserts nothing.
// 1. generates 5,000 trainees on 50 programmes (tests/bench/generate.ts) into data/bench.sqlite;
// 2. builds and starts the production server on it;
// 3. times pages over loopback (p50/p95 of sequential requests, after a warm-up), side by side with
//    a trivial page of the same app, so the figures read as ratios;
// 4. times the portfolio PDF of a trainee with a full Stage 1–3 record, in-process and over HTTP.
import { execSync, spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { renderToBuffer } from '@react-pdf/renderer'
import { createElement } from 'react'
import { openDatabase } from '../../db/connection'
import { loadPortfolio } from '../../app/models/portfolio.server'
import { PortfolioDocument } from '../../app/pdf/portfolio-document'
import { today } from '../../app/utils/dates'
import { BENCH_PASSWORD, generateBenchDatabase } from './generate'

const DATABASE = 'data/bench.sqlite'
const PORT = Number(process.env.BENCH_PORT ?? 3300)
const BASE = `http://localhost:${PORT}`
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function time(label: string, fn: () => Promise<unknown>, samples = SAMPLES, warmUp = 3) {
  for (let i = 0; i < warmUp; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { label, p50: percentile(times, 50), p95: percentile(times, 95) }
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

async function get(path: string, cookie?: string): Promise<void> {
  const response = await fetch(BASE + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' })
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`)
}

const started = performance.now()
for (const suffix of ['', '-wal', '-shm']) rmSync(DATABASE + suffix, { force: true })
const bench = await generateBenchDatabase(DATABASE, today())
const generatedIn = (performance.now() - started) / 1000

const db = openDatabase(DATABASE)
const counts = await db
  .selectNoFrom((eb) => [
    eb.selectFrom('enrolments').select(eb.fn.countAll<number>().as('n')).as('trainees'),
    eb.selectFrom('cycles').select(eb.fn.countAll<number>().as('n')).as('cycles'),
    eb.selectFrom('supervision_sessions').select(eb.fn.countAll<number>().as('n')).as('sessions'),
    eb.selectFrom('reflections').select(eb.fn.countAll<number>().as('n')).as('reflections'),
  ])
  .executeTakeFirstOrThrow()
const fullRecord = await db
  .selectFrom('enrolments')
  .innerJoin('cycles', 'cycles.enrolment_id', 'enrolments.id')
  .select(['enrolments.id', (eb) => eb.fn.countAll<number>().as('cycles')])
  .where('enrolments.current_stage', '=', 3)
  .groupBy('enrolments.id')
  .orderBy('cycles', 'desc')
  .limit(1)
  .executeTakeFirstOrThrow()
const portfolio = (await loadPortfolio(db, { id: 0, role: 'admin' }, fullRecord.id))!
const pdfInProcess = await time('Portfolio PDF, rendered in-process', () => renderToBuffer(createElement(PortfolioDocument, { portfolio, generatedOn: today() }) as Parameters<typeof renderToBuffer>[0]), 15, 2)
await db.destroy()

execSync('npm run build', { stdio: 'ignore' })
const server = spawn(process.execPath, ['server.js'], {
  env: { ...process.env, PORT: String(PORT), DATABASE_PATH: DATABASE, SEED_DEMO_DATA: 'false', NODE_ENV: 'production' },
  stdio: 'ignore',
})
try {
  for (let i = 0; ; i++) {
    try {
      await get('/login')
      break
    } catch (error) {
      if (i > 100) throw error
      await sleep(100)
    }
  }
  const lead = await signIn(bench.leadEmail)
  const trainee = await signIn(bench.traineeEmail)
  const results = [
    await time('Trivial page (/login, no data)', () => get('/login')),
    await time(`Lead: programme of 500 trainees (/lead/programmes/${bench.bigProgrammeId})`, () => get(`/lead/programmes/${bench.bigProgrammeId}`, lead)),
    await time('Trainee home page (/trainee)', () => get('/trainee', trainee)),
    await time(`Portfolio PDF over HTTP (${fullRecord.cycles} cycles)`, () => get(`/enrolments/${fullRecord.id}/portfolio`, lead), 15, 2),
    pdfInProcess,
  ]
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
  const trivial = results[0].p50

  console.log(`\nAttune benchmark, ${today()} (Node ${process.version}, ${SAMPLES} samples after warm-up)`)
  console.log(`Database: ${counts.trainees} trainees, ${counts.cycles} cycles, ${counts.sessions} supervision sessions, ${counts.reflections} reflections; generated in ${generatedIn.toFixed(1)} s\n`)
  console.log('page'.padEnd(62), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), '× trivial'.padStart(10))
  for (const r of results) console.log(r.label.padEnd(62), r.p50.toFixed(1).padStart(8), r.p95.toFixed(1).padStart(8), (r.p50 / trivial).toFixed(1).padStart(10))
  console.log(`\nServer memory after the run (RSS): ${rss.toFixed(0)} MiB`)
} finally {
  server.kill('SIGTERM')
}
