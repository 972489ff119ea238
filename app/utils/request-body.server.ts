// Reading a form's body with limits that hold whatever the headers say (ADR 0012). The body is read
// from the stream byte by byte count, so a missing or lying Content-Length or a chunked upload
// cannot make the server read more than the form's limit; parsing is linear in the body's size.
// Every refusal is a 4xx answer saying what went wrong, thrown before any work is done.
import { json } from '@remix-run/node'
import { FORM_LIMITS, type FormLimits } from './limits'

const URLENCODED = 'application/x-www-form-urlencoded'
const MULTIPART = 'multipart/form-data'

/**
 * A refusal of the request itself (not of what a person typed): a 4xx with a message the error page
 * shows. `Connection: close` lets the server drop the rest of an oversized upload without reading it.
 */
export function refuseRequest(status: 400 | 413 | 415, message: string): Response {
  return json({ message }, { status, headers: status === 413 ? { Connection: 'close' } : {} })
}

export const TOO_MUCH = 'This form sent far more than Attune expects, so it was not read. Go back, check what you entered and try again.'
const NOT_A_FORM = 'Attune could not read this request: it was not sent as a form. Go back and use the form on the page.'
const BROKEN_FORM = 'Attune could not read this form: what was sent is incomplete or damaged. Go back and send it again.'

const read = new WeakMap<Request, Promise<FormData>>()

/**
 * The request's form, read at most once per request (several helpers may ask for it). Throws a 413
 * when the body is larger than `limits.maxBytes` or has more than `limits.maxFields` fields, a 415
 * when it is not a form, a 400 when it cannot be parsed.
 */
export function readFormData(request: Request, limits: FormLimits = FORM_LIMITS.standard): Promise<FormData> {
  let form = read.get(request)
  if (!form) {
    form = readForm(request, limits)
    read.set(request, form)
  }
  return form
}

async function readForm(request: Request, limits: FormLimits): Promise<FormData> {
  const contentType = request.headers.get('Content-Type') ?? ''
  const mediaType = contentType.split(';')[0].trim().toLowerCase()
  if (mediaType !== URLENCODED && mediaType !== MULTIPART) throw refuseRequest(415, NOT_A_FORM)
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > limits.maxBytes) throw refuseRequest(413, TOO_MUCH)
  const body = await readBytes(request, limits.maxBytes)
  if (mediaType === URLENCODED) return urlEncodedForm(body, limits.maxFields)
  let form: FormData
  try {
    form = await new Response(body, { headers: { 'Content-Type': contentType } }).formData()
  } catch {
    throw refuseRequest(400, BROKEN_FORM)
  }
  let fields = 0
  for (const _ of form.keys()) if (++fields > limits.maxFields) throw refuseRequest(413, TOO_MUCH)
  return form
}

/** The body's bytes, refusing (413) as soon as more than `maxBytes` have arrived. */
async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      // Stop reading without cancelling: cancelling would destroy the socket before the answer is sent.
      if (size > maxBytes) throw refuseRequest(413, TOO_MUCH)
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof Response) throw error
    throw refuseRequest(400, BROKEN_FORM)
  } finally {
    reader.releaseLock()
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.byteLength
  }
  return body
}

/** A URL-encoded body as FormData, counting fields before building anything. */
function urlEncodedForm(body: Uint8Array, maxFields: number): FormData {
  let fields = 1
  for (const byte of body) if (byte === 0x26 /* & */ && ++fields > maxFields) throw refuseRequest(413, TOO_MUCH)
  const form = new FormData()
  for (const [key, value] of new URLSearchParams(new TextDecoder().decode(body))) form.append(key, value)
  return form
}
