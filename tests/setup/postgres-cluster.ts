// A throw-away PostgreSQL cluster for tests and the benchmark: Debian's PostgreSQL 15, created in a
// temporary folder owned by the `postgres` user (initdb refuses to run as root), listening on a free
// loopback port only, and removed when stopped. Durability is switched off: the data is thrown away.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/` + a database name gives a connection address. */
  urlOf(database: string): string
  port: number
  stop(): void
}

/** A port nobody listens on, from `PG_TEST_PORTS` ("55430-55439") when set, else any the system offers. */
async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.PG_TEST_PORTS ?? '')
  const candidates = range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : [0]
  for (const candidate of candidates) {
    const port = await new Promise<number | undefined>((resolve) => {
      const server = createServer()
      server.once('error', () => resolve(undefined))
      server.listen(candidate, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    if (port) return port
  }
  throw new Error(`No free port in PG_TEST_PORTS=${process.env.PG_TEST_PORTS}`)
}

function asPostgres(args: string[]): string {
  const [command, ...rest] = args
  const argv = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', join(POSTGRES_BIN, command), ...rest] : [join(POSTGRES_BIN, command), ...rest]
  return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Creates and starts a cluster (about 1.5 s). Call `stop()` to shut it down and delete its folder. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is not installed (no ${POSTGRES_BIN}/initdb): apt-get install -y postgresql`)
  }
  const folder = mkdtempSync(join(tmpdir(), 'attune-pg-'))
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(folder, uid, gid)
  }
  const data = join(folder, 'data')
  const port = await freePort()
  asPostgres(['initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  asPostgres(['pg_ctl', '-D', data, '-l', join(folder, 'log'), '-o', options, '-w', 'start'])
  let stopped = false
  return {
    port,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return
      stopped = true
      try {
        asPostgres(['pg_ctl', '-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(folder, { recursive: true, force: true })
      }
    },
  }
}
