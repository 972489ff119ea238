// Compiles the PDF worker (app/pdf/pdf-worker.tsx) into one ESM file, leaving the app's npm
// dependencies (react-pdf is ESM-only and must not be bundled) as imports. Used by `npm run build`
// (→ build/pdf-worker.js) and, when no build is there, by the pool itself (app/pdf/render.server.ts).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export function buildPdfWorker(outfile: string): void {
  const require = createRequire(import.meta.url)
  const esbuild = require('esbuild') as typeof import('esbuild')
  const { dependencies } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { dependencies: Record<string, string> }
  esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ['app/pdf/pdf-worker.tsx'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildPdfWorker(process.argv[2] ?? 'build/pdf-worker.js')
