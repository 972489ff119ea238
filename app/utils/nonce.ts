// The per-request nonce that lets Remix's own inline scripts run under the Content-Security-Policy
// (set in app/entry.server.tsx). Empty in the browser, which hides nonces from the page.
import { createContext, useContext } from 'react'

export const NonceContext = createContext<string | undefined>(undefined)

export function useNonce(): string | undefined {
  return useContext(NonceContext)
}
