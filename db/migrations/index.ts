// Static migration provider: the same list runs in the Remix server build, scripts and vitest.
// Add each new migration here; never edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely'
import * as initialSchema from './2026-11-24-0001-initial-schema'
import * as provisionalNextStages from './2026-11-29-0011-provisional-next-stages'

const migrations: Record<string, Migration> = {
  '2026-11-24-0001-initial-schema': initialSchema,
  '2026-11-29-0011-provisional-next-stages': provisionalNextStages,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
