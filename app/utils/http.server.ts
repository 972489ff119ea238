// Small answers shared by routes: a record that is not there, or not the viewer's, is 404 either way.
import type { Params } from '@remix-run/react'

export function notFound(): Response {
  return new Response('Not found', { status: 404 })
}

/** A numeric id from the URL; anything else is a page that does not exist. */
export function idParam(params: Params, name: string): number {
  const value = Number(params[name])
  if (!Number.isSafeInteger(value) || value <= 0) throw notFound()
  return value
}

/** The record, or a 404 when the model found nothing the viewer may see. */
export function found<T>(record: T | undefined | null): T {
  if (record === undefined || record === null) throw notFound()
  return record
}
