// Who is asking, as far as the network says: the client's address, which the server (server.js)
// puts into Remix's load context. Behind a proxy it is the proxy's view (TRUST_PROXY).
import type { AppLoadContext } from '@remix-run/node'

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's network address, e.g. '203.0.113.7'; absent when not served by server.js. */
    clientAddress?: string
  }
}

/** The client's address, or 'unknown' (one shared client) when the server did not say. */
export function clientAddress(context: AppLoadContext): string {
  return context.clientAddress || 'unknown'
}
