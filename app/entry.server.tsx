// Server rendering, as Remix's default for Node, plus the headers a reviewer of an NHS system
// expects on every page (ADR 0012): a Content-Security-Policy allowing only the app's own scripts
// and styles (Remix's inline scripts carry a fresh nonce per request), no framing, no sniffing.
// The app process also starts its scheduler here (digests, reminders, delivering the outbox; ADR
// 0014), except under test, where a test starts its own.
import { randomBytes } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext, type HandleDataRequestFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { securityHeaders } from './utils/security-headers.server'
import { NonceContext } from './utils/nonce'
import { startAppScheduler } from './utils/scheduler.server'

startAppScheduler()

const ABORT_DELAY = 5_000

// For server.js, which sets them as defaults on every answer, and opens a memo per request.
export { securityHeaders }
export { withRequestMemo } from './utils/request-memo.server'

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const nonce = randomBytes(16).toString('base64')
  for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value)
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        // Whole pages only: nothing here streams, and crawlers and browsers get the same answer.
        onAllReady() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Data answers (client-side navigation, downloads) get the same headers, with no script allowed. */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  for (const [name, value] of Object.entries(securityHeaders(null))) if (!response.headers.has(name)) response.headers.set(name, value)
  return response
}
