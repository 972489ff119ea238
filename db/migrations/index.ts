// Static migration provider: the same list runs in the Remix server build, scripts and vitest.
// Add each new migration here; never edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely'
import * as initialSchema from './2026-11-24-0001-initial-schema'
import * as keptForms from './2026-11-29-0010-kept-forms'
import * as outbox from './2026-11-29-0013-outbox'
import * as programmeEvaluation from './2026-11-29-0016-programme-evaluation'
import * as throttles from './2026-11-29-0017-throttles'
import * as provisionalNextStages from './2026-11-29-0018-provisional-next-stages'
import * as plausibilityLimits from './2026-11-30-0101-plausibility-limits'
import * as supervisionByTraining from './2026-11-30-0102-supervision-by-training'
import * as userRoles from './2026-11-30-0111-user-roles'
import * as progressCache from './2026-11-30-0151-progress-cache'
import * as progressSummary from './2026-11-30-0401-progress-summary'

const migrations: Record<string, Migration> = {
  '2026-11-24-0001-initial-schema': initialSchema,
  '2026-11-29-0010-kept-forms': keptForms,
  '2026-11-29-0013-outbox': outbox,
  '2026-11-29-0016-programme-evaluation': programmeEvaluation,
  '2026-11-29-0017-throttles': throttles,
  '2026-11-29-0018-provisional-next-stages': provisionalNextStages,
  '2026-11-30-0101-plausibility-limits': plausibilityLimits,
  '2026-11-30-0102-supervision-by-training': supervisionByTraining,
  '2026-11-30-0111-user-roles': userRoles,
  '2026-11-30-0151-progress-cache': progressCache,
  '2026-11-30-0401-progress-summary': progressSummary,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
