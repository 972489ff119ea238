// The database handle models take first: the app's Kysely instance or a transaction opened by the action.
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '~db/schema'

export type Db = Kysely<DB> | Transaction<DB>
