// Where each role lands and how it is named, shared by server and browser code.
import type { Role } from '~db/schema'

export const ROLE_HOME: Record<Role, string> = {
  trainee: '/trainee',
  supervisor: '/supervisor',
  accreditor: '/accreditor',
  lead: '/lead',
  admin: '/admin',
}

export const ROLE_LABEL: Record<Role, string> = {
  trainee: 'Trainee',
  supervisor: 'Supervisor',
  accreditor: 'External accreditor',
  lead: 'Programme lead',
  admin: 'Administrator',
}
