// The production server: what remix-serve does (compression, static files, request log), plus
// what Remix cannot see on its own (ADR 0012): the client's network address, put into the load
// context for throttling, and whether the request came over https through a proxy. Security
// headers are set here as defaults for every answer (files and downloads included); pages and data
// answers set their own Content-Security-Policy in app/entry.server.tsx.
//
// Environment: PORT (default 3000); TRUST_PROXY, set when a proxy in front adds X-Forwarded-For
// and X-Forwarded-Proto (a hop count like 1, or addresses, as Express's "trust proxy" takes them).
import { createRequestHandler } from '@remix-run/express'
import { installGlobals } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import morgan from 'morgan'
import onHeaders from 'on-headers'
import * as build from './build/index.js'

installGlobals()
// The headers' one definition lives in the app (app/utils/security-headers.server.ts), re-exported by
// its server entry, as is the per-request memo (app/utils/request-memo.server.ts).
const { securityHeaders, withRequestMemo } = build.entry.module

const app = express()
app.disable('x-powered-by')
const trustProxy = process.env.TRUST_PROXY
if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy)

app.use((req, res, next) => {
  onHeaders(res, () => {
    for (const [name, value] of Object.entries(securityHeaders(null))) if (!res.hasHeader(name)) res.setHeader(name, value)
  })
  next()
})
app.use(compression())
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: '1y' }))
app.use(express.static('public', { maxAge: '1h' }))
app.use(morgan('tiny'))
app.use((req, res, next) => withRequestMemo(next))
app.all(
  '*',
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
  }),
)

const port = Number(process.env.PORT ?? 3000)
app.listen(port, () => console.log(`[attune] http://localhost:${port}`))
