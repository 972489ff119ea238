// Organisations (issue 17 item 10, ADR 0018): an admin adds an organisation and its first programme
// lead through the app, so a national deployment never needs SQL. People stay inside their own
// organisation: a lead reaches only their own (organisationScope, managedPeopleScope).
import type { OrganisationInput } from '~/schemas/organisation'
import { nowInstant } from '~/utils/dates'
import { Refusal } from '~/utils/refusal.server'
import { hasRole, organisationScope, type Viewer } from './access.server'
import { appendAudit } from './audit.server'
import type { Db } from './db-types'
import { addPerson } from './people.server'

/** The organisations `viewer` manages (an admin every one, a lead their own), with how many active people and programmes each has. */
export async function listOrganisations(db: Db, viewer: Viewer) {
  return db
    .selectFrom('organisations')
    .select((eb) => [
      'organisations.id',
      'organisations.name',
      eb
        .selectFrom('users')
        .select((u) => u.fn.countAll<number>().as('n'))
        .whereRef('users.organisation_id', '=', 'organisations.id')
        .where('users.deactivated_at', 'is', null)
        .as('people'),
      eb
        .selectFrom('programmes')
        .select((p) => p.fn.countAll<number>().as('n'))
        .whereRef('programmes.organisation_id', '=', 'organisations.id')
        .as('programmes'),
    ])
    .where(organisationScope(viewer))
    .orderBy('organisations.name')
    .execute()
}

/**
 * An admin adds an organisation and its programme lead, who is e-mailed a one-time set-password
 * link (returned as a token, to show where no relay is set up). Undefined for anyone but an admin;
 * a Refusal when the name is taken (case aside) or the lead's e-mail address has an account. Audited.
 */
export async function createOrganisationWithLead(trx: Db, viewer: Viewer, input: OrganisationInput, now = new Date()) {
  if (!hasRole(viewer, 'admin')) return undefined
  const taken = await trx
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst()
  if (taken) throw new Refusal('An organisation with this name is already on Attune', 'name')
  const { id } = await trx
    .insertInto('organisations')
    .values({ name: input.name, created_at: nowInstant(now) })
    .returning('id')
    .executeTakeFirstOrThrow()
  await appendAudit(trx, { actorId: viewer.id, action: 'organisation.created', entityType: 'organisation', entityId: id, after: { name: input.name } })
  const lead = await addPerson(trx, viewer, id, { name: input.leadName, email: input.leadEmail, jobTitle: input.leadJobTitle, roles: ['lead'] }, now).catch((error: unknown) => {
    // The lead's fields have their own names on this form.
    if (error instanceof Refusal && error.field === 'email') throw new Refusal(error.message, 'leadEmail')
    throw error
  })
  return { organisationId: id, ...lead! }
}
