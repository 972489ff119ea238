// PDFs are rendered in a pool of worker threads (piscina), so that react-pdf's CPU-bound work never
// holds the event loop: other pages keep answering while reports render. The pool has one thread per
// core but one, so the event loop always keeps a core for other pages (PDF_WORKERS), and a bounded queue (PDF_QUEUE); beyond it a request gets a 503 "busy, try
// again" page instead of memory growing without bound. A worker that crashes fails only its own
// request; piscina starts a new one. See docs/decisions/0013-postgresql-and-pdf-workers.md.
import { existsSync, renameSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { safeFilename } from '~/utils/csv.server'
import { env } from '~/utils/env.server'
import { serviceUnavailable } from '~/utils/http.server'
import type { PdfJob } from './pdf-job'
import { buildPdfWorker } from './pdf-worker-build'

export type { PdfJob } from './pdf-job'

export interface PdfPoolOptions {
  /** A compiled worker module (JavaScript); by default the app's own (pdfWorkerFile). */
  filename?: string
  /** Handed to each worker as `workerData`. */
  workerData?: unknown
  threads?: number
  /** Jobs that may wait for a free thread; more are refused as busy. */
  queue?: number
}

export const PDF_BUSY_MESSAGE = 'Attune is busy making other documents just now.'

/**
 * The worker module: build/pdf-worker.js beside the server build (`npm run build`), or, when running
 * from the sources (tests, scripts), the same file compiled now with esbuild into node_modules/.cache
 * (Node 20 worker threads cannot load TypeScript through a loader hook).
 */
export function pdfWorkerFile(): string {
  const built = fileURLToPath(new URL('./pdf-worker.js', import.meta.url))
  if (existsSync(built)) return built
  // Written under a name of its own, then renamed: test workers compiling at once never see half a file.
  const outfile = fileURLToPath(new URL('../../node_modules/.cache/attune/pdf-worker.mjs', import.meta.url))
  buildPdfWorker(`${outfile}.${process.pid}`)
  renameSync(`${outfile}.${process.pid}`, outfile)
  return outfile
}

export type PdfPool = Piscina<PdfJob, Uint8Array>

export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  return new Piscina<PdfJob, Uint8Array>({
    filename: options.filename ?? pdfWorkerFile(),
    workerData: options.workerData,
    minThreads: 1,
    maxThreads: options.threads ?? env.PDF_WORKERS ?? defaultPdfThreads(),
    maxQueue: options.queue ?? env.PDF_QUEUE,
    // A thread that has rendered nothing for a minute is stopped (each holds react-pdf in memory).
    idleTimeout: 60_000,
  })
}

/** One thread per core but one (at least one): rendering never takes every core from the event loop. */
export function defaultPdfThreads(cores = availableParallelism()): number {
  return Math.max(1, cores - 1)
}

let shared: PdfPool | undefined

/**
 * Renders `job` on `pool` (the server's shared pool by default). Throws a 503 Response (the "busy,
 * try again" page) when the queue is full; a worker's crash or error rejects this job only.
 */
export async function renderPdf(job: PdfJob, pool: PdfPool = (shared ??= createPdfPool())): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const bytes = await pool.run(job)
    return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw serviceUnavailable(PDF_BUSY_MESSAGE, 10)
    throw error
  }
}

export function pdfResponse(bytes: Uint8Array<ArrayBuffer>, filename: string): Response {
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${safeFilename(filename)}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
