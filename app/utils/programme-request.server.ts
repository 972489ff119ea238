// What every view of a programme's reports (the sustainability plan and the evaluation, each as a
// page, PDF and CSV) reads from its request the same way: the programme the viewer runs, and a
// query of named fields over the programme's defaults, parsed with the form's schema.
import type { LoaderFunctionArgs } from '@remix-run/node'
import type { z } from 'zod'
import { PROGRAMME_ROLES } from '~/models/access.server'
import { findLedProgramme } from '~/models/programme.server'
import { requireRole } from './auth.server'
import { getDb } from './db.server'
import { parseValues, type FormFailure } from './forms.server'
import { found } from './http.server'
import { idParam } from './params'

/**
 * The signed-in lead (or admin) and the programme of `params.programmeId` they run.
 * Throws the sign-in redirect, a 403 for other roles, and a 404 for a programme they do not run.
 */
export async function requireLedProgramme(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireRole(request, ...PROGRAMME_ROLES)
  const db = await getDb()
  const programme = found(await findLedProgramme(db, user, idParam(params.programmeId)))
  return { user, db, programme }
}

/**
 * The query's `fields` laid over `defaults` and parsed with `schema`. `data` is the parsed query,
 * or `fallback` when the schema refuses it (then `failure` holds the errors and typed values to
 * show beside the fields); `asked` holds only the fields the query gave; `differs(fields)` says
 * whether a valid query changed any of them from its default (so the links to the PDF and CSV can
 * carry the same query).
 */
export function readReportQuery<F extends string, S extends z.ZodType>(request: Request, fields: readonly F[], defaults: Record<F, string>, schema: S, fallback: z.output<S>) {
  const url = new URL(request.url)
  const asked = Object.fromEntries(fields.flatMap((f) => (url.searchParams.has(f) ? [[f, url.searchParams.get(f)!]] : []))) as Partial<Record<F, string>>
  const parsed = parseValues({ ...defaults, ...asked }, schema)
  const failure: FormFailure | null = parsed.ok ? null : parsed.failure
  const data: z.output<S> = parsed.ok ? parsed.data : fallback
  const differs = (changed: readonly F[] = fields) => parsed.ok && changed.some((f) => asked[f] !== undefined && asked[f] !== defaults[f])
  const query = parsed.ok && differs() ? `?${new URLSearchParams(parsed.values as Record<string, string>)}` : ''
  return { asked, data, failure, differs, query }
}
