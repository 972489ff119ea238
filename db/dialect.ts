// A Kysely dialect for the `sqlite3` npm package (node-sqlite3).
// Kysely's built-in SqliteDialect targets better-sqlite3's synchronous API, so this module adapts
// node-sqlite3's callback API instead, reusing Kysely's SQLite adapter, compiler and introspector.
// Writes go through one writer connection behind a mutex, as Kysely's own SQLite driver does: SQLite
// allows one writer at a time, and serialising in-process avoids SQLITE_BUSY between our own
// transactions. Reads outside a transaction run on a few reader connections of their own (WAL lets
// readers proceed beside the writer), so a slow read never queues behind another or behind a write.
// See docs/decisions/0001-sqlite3-driver-and-dialect.md and 0013-postgresql-and-pdf-workers.md.
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
  /** Connections for reads outside transactions (0: everything on the writer). */
  readers?: number
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
  #databases: sqlite3.Database[] = []
  #writer?: Sqlite3Connection
  #readers: Sqlite3Connection[] = []
  #nextReader = 0

  constructor(private readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    this.#writer = await this.#open()
    await this.#writer.executeQuery(CompiledQuery.raw('PRAGMA journal_mode = WAL'))
    // An in-memory database is private to its connection: it has no readers.
    const readers = this.config.filename === ':memory:' ? 0 : (this.config.readers ?? 4)
    for (let i = 0; i < readers; i++) this.#readers.push(await this.#open())
  }

  async #open(): Promise<Sqlite3Connection> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(this.config.filename, (error) => (error ? reject(error) : resolve(db)))
    })
    this.#databases.push(db)
    db.configure('busyTimeout', this.config.busyTimeoutMs ?? 5000)
    const connection = new Sqlite3Connection(db)
    for (const pragma of ['PRAGMA foreign_keys = ON', 'PRAGMA synchronous = NORMAL']) {
      await connection.executeQuery(CompiledQuery.raw(pragma))
    }
    return connection
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const reader = this.#readers.length ? this.#readers[this.#nextReader++ % this.#readers.length] : undefined
    return new RoutedConnection(this.#writer!, reader, this.#mutex)
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // A transaction holds the writer from begin to commit or rollback.
    await (connection as RoutedConnection).holdWriter()
    // IMMEDIATE takes the write lock at once, so a transaction never fails half-way on upgrade.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    ;(connection as RoutedConnection).release()
  }

  async destroy(): Promise<void> {
    const databases = this.#databases
    this.#databases = []
    this.#readers = []
    for (const db of databases) await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))
  }
}

// A read (select or with, outside a transaction) goes to a reader connection; anything else takes
// the writer, for one statement or, inside a transaction, until the transaction ends.
const READ_ONLY = /^\s*(select|with)\b/i

class RoutedConnection implements DatabaseConnection {
  #holding = false

  constructor(
    private readonly writer: Sqlite3Connection,
    private readonly reader: Sqlite3Connection | undefined,
    private readonly mutex: ConnectionMutex,
  ) {}

  async holdWriter(): Promise<void> {
    if (this.#holding) return
    await this.mutex.lock()
    this.#holding = true
  }

  release(): void {
    if (!this.#holding) return
    this.#holding = false
    this.mutex.unlock()
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#holding) return this.writer.executeQuery(compiledQuery)
    if (this.reader && READ_ONLY.test(compiledQuery.sql) && !/\breturning\b/i.test(compiledQuery.sql)) return this.reader.executeQuery(compiledQuery)
    await this.mutex.lock()
    try {
      return await this.writer.executeQuery(compiledQuery)
    } finally {
      this.mutex.unlock()
    }
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery)
    for (const row of rows) yield { rows: [row] }
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
