// A Kysely dialect for the `sqlite3` npm package (node-sqlite3).
// Kysely's built-in SqliteDialect targets better-sqlite3's synchronous API, so this module adapts
// node-sqlite3's callback API instead, reusing Kysely's SQLite adapter, compiler and introspector.
// One connection is held behind a mutex, as Kysely's own SQLite driver does: SQLite allows one
// writer at a time, and serialising in-process avoids SQLITE_BUSY between our own transactions.
// See docs/decisions/0001-sqlite3-driver-and-dialect.md.
import sqlite3 from 'sqlite3'
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'

export interface Sqlite3DialectConfig {
  /** Path of the database file, or ':memory:'. */
  filename: string
  /** How long a statement waits for a lock held by another process, in ms. */
  busyTimeoutMs?: number
}

export class Sqlite3Dialect implements Dialect {
  constructor(private readonly config: Sqlite3DialectConfig) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter()
  }
  createDriver(): Driver {
    return new Sqlite3Driver(this.config)
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}

class Sqlite3Driver implements Driver {
  readonly #mutex = new ConnectionMutex()
  #db?: sqlite3.Database
  #connection?: Sqlite3Connection

  constructor(private readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    this.#db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(this.config.filename, (error) => (error ? reject(error) : resolve(db)))
    })
    this.#db.configure('busyTimeout', this.config.busyTimeoutMs ?? 5000)
    this.#connection = new Sqlite3Connection(this.#db)
    for (const pragma of ['PRAGMA foreign_keys = ON', 'PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL']) {
      await this.#connection.executeQuery(CompiledQuery.raw(pragma))
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock()
    return this.#connection!
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock at once, so a transaction never fails half-way on upgrade.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock()
  }

  async destroy(): Promise<void> {
    const db = this.#db
    this.#db = undefined
    if (db) await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))
  }
}

// Statements that hand back rows are run with `all`; the rest with `run`, which reports changes and lastID.
const RETURNS_ROWS = /^\s*(select|with|pragma|values|explain)\b|\breturning\b/i

class Sqlite3Connection implements DatabaseConnection {
  constructor(private readonly db: sqlite3.Database) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery
    const params = parameters.map(toSqliteValue)
    if (RETURNS_ROWS.test(sql)) {
      return new Promise((resolve, reject) => {
        this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve({ rows: rows as R[] })))
      })
    }
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (error) {
        if (error) return reject(error)
        resolve({ rows: [], numAffectedRows: BigInt(this.changes), insertId: BigInt(this.lastID) })
      })
    })
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery)
    for (const row of rows) yield { rows: [row] }
  }
}

/** node-sqlite3 binds a BigInt as NULL and a Date as milliseconds: refuse both rather than corrupt data. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError('BigInt parameter outside the safe integer range')
    }
    return Number(value)
  }
  if (value instanceof Date) throw new TypeError('Pass dates to the database as ISO text (see app/utils/dates.ts)')
  return value
}

class ConnectionMutex {
  #promise?: Promise<void>
  #resolve?: () => void

  async lock(): Promise<void> {
    while (this.#promise) await this.#promise
    this.#promise = new Promise((resolve) => {
      this.#resolve = resolve
    })
  }

  unlock(): void {
    const resolve = this.#resolve
    this.#promise = undefined
    this.#resolve = undefined
    resolve?.()
  }
}
