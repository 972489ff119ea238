// Small answers shared by routes: a record that is not there, or not the viewer's, is 404 either way.
export function notFound(): Response {
  return new Response('Not found', { status: 404 })
}

/** The record, or a 404 when the model found nothing the viewer may see. */
export function found<T>(record: T | undefined | null): T {
  if (record === undefined || record === null) throw notFound()
  return record
}

/**
 * A 503 "busy or briefly unavailable, try again" answer, thrown from anywhere a request cannot be
 * served just now (the database unreachable, every PDF worker busy). Document requests show it
 * through the root error boundary; downloads (resource routes) show this small page itself.
 */
export function serviceUnavailable(message: string, retryAfterSeconds = 30): Response {
  const page = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Try again in a minute – Attune</title><link rel="stylesheet" href="/styles/app.css"></head><body><main class="nhsuk-width-container nhsuk-main-wrapper"><h1>Try again in a minute</h1><p>${message}</p><p>Nothing you saved before this has been lost. Go back and try again in a minute.</p></main></body></html>`
  return new Response(page, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } })
}
