// Building hostile requests for tests, and checking that the rest of the app kept answering.
import { expect } from 'vitest'
import { getRequest, run } from './http'
import { loader as loginPage } from '~/routes/login'

const ORIGIN = 'http://localhost'

/**
 * A POST whose body arrives as a stream of `parts` with no Content-Length (as with
 * `Transfer-Encoding: chunked`), or with the `Content-Length` given, which may lie.
 * Parts are produced only as they are read, so a test can describe a body of any size.
 */
export function streamedPost(path: string, parts: Iterable<string>, options: { contentType?: string; contentLength?: number; cookie?: string } = {}): Request {
  const encoder = new TextEncoder()
  const iterator = parts[Symbol.iterator]()
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
  })
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/x-www-form-urlencoded', Origin: ORIGIN }
  if (options.contentLength !== undefined) headers['Content-Length'] = String(options.contentLength)
  if (options.cookie) headers.Cookie = options.cookie
  return new Request(ORIGIN + path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit)
}

/** `count` distinct field names, a few at a time: the field bomb. */
export function* manyFields(count: number, prefix = 'f'): Generator<string> {
  for (let i = 0; i < count; i += 100) {
    const chunk: string[] = []
    for (let j = i; j < Math.min(count, i + 100); j++) chunk.push(`${prefix}${j}=x`)
    yield (i === 0 ? '' : '&') + chunk.join('&')
  }
}

/** `bytes` bytes of one long field value, 64 kB at a time. */
export function* longField(name: string, bytes: number): Generator<string> {
  yield `${name}=`
  const block = 'a'.repeat(64 * 1024)
  for (let sent = 0; sent < bytes; sent += block.length) yield block
}

/**
 * Sends the hostile request and, while it is being handled, an ordinary page request; returns the
 * hostile answer once the ordinary one has been answered within `promptMs` (a generous bound on a
 * busy machine: a server frozen by the hostile request answers in seconds or not at all). The
 * ordinary request is the sign-in page unless given (a signed-in page also waits for the database).
 */
export async function whileOthersAreServed(hostile: () => Promise<Response>, promptMs = 2000, ordinaryRequest = () => run(loginPage, getRequest('/login'))): Promise<Response> {
  await ordinaryRequest() // open the database first, so only the hostile request is measured against
  const answer = hostile()
  const started = performance.now()
  const ordinary = await ordinaryRequest()
  const waited = performance.now() - started
  expect(ordinary.status).toBe(200)
  expect(waited).toBeLessThan(promptMs)
  return answer
}
