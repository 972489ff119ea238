// One HTTP request's memo (ADR 0023): shared by the loaders of one GET, never across requests, never for a POST.
import { describe, expect, it } from 'vitest'
import { memoForRequest, withRequestMemo } from '~/utils/request-memo.server'

const request = (method = 'GET') => new Request('http://localhost/lead', { method })

function counter() {
  let calls = 0
  return {
    compute: async () => ++calls,
    get calls() {
      return calls
    },
  }
}

describe('the per-request memo', () => {
  it('computes once for every loader of one GET request, across awaits', async () => {
    const c = counter()
    const answers = await withRequestMemo(async () => {
      const first = memoForRequest(request(), 'user a', c.compute)
      await new Promise((resolve) => setTimeout(resolve, 1))
      // Remix gives each loader a Request of its own: the memo belongs to the HTTP request, not the object.
      return Promise.all([first, memoForRequest(request(), 'user a', c.compute), memoForRequest(request('HEAD'), 'user a', c.compute)])
    })
    expect(answers).toEqual([1, 1, 1])
    expect(c.calls).toBe(1)
  })

  it('keeps different keys apart, and each request apart', async () => {
    const c = counter()
    const one = await withRequestMemo(() => Promise.all([memoForRequest(request(), 'user a', c.compute), memoForRequest(request(), 'user b', c.compute)]))
    const two = await withRequestMemo(() => memoForRequest(request(), 'user a', c.compute))
    expect([...one, two]).toEqual([1, 2, 3])
  })

  it('keeps nothing for a form’s POST, whose action may change the answer, nor outside a request', async () => {
    const c = counter()
    await withRequestMemo(async () => {
      await memoForRequest(request('POST'), 'user a', c.compute)
      await memoForRequest(request('POST'), 'user a', c.compute)
    })
    await memoForRequest(request(), 'user a', c.compute)
    await memoForRequest(request(), 'user a', c.compute)
    expect(c.calls).toBe(4)
  })
})
