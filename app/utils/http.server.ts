// Small answers shared by routes: a record that is not there, or not the viewer's, is 404 either way.
export function notFound(): Response {
  return new Response('Not found', { status: 404 })
}

/** The record, or a 404 when the model found nothing the viewer may see. */
export function found<T>(record: T | undefined | null): T {
  if (record === undefined || record === null) throw notFound()
  return record
}
