// Answers kept for the length of one HTTP request. A page view asks "who is signed in?" from the
// root loader and from the page's own loader at once, and Remix hands each loader a Request of its
// own, so the Request cannot carry the answer: server.js opens an AsyncLocalStorage scope per HTTP
// request (`withRequestMemo`) and `memoForRequest` keeps answers in it (ADR 0023). Outside a scope
// (tests calling loaders, scripts) nothing is kept. Only GET and HEAD requests keep answers: a
// form's action may change them before the loaders run in the same request.
import { AsyncLocalStorage } from 'node:async_hooks'

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>()

/** Runs `handle` (the rest of one HTTP request's handling) with a memo of its own. */
export function withRequestMemo<T>(handle: () => T): T {
  return scope.run(new Map(), handle)
}

/**
 * `compute()`'s promise, shared by every caller in the same GET or HEAD request asking with the
 * same `key` (a rejection too); computed afresh outside a request scope and for other methods.
 */
export function memoForRequest<T>(request: Request, key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scope.getStore()
  if (!memo || (request.method !== 'GET' && request.method !== 'HEAD')) return compute()
  let kept = memo.get(key) as Promise<T> | undefined
  if (!kept) {
    kept = compute()
    memo.set(key, kept)
  }
  return kept
}
