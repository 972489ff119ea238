import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import type { ShouldRevalidateFunction } from '@remix-run/react'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { getUser, type SessionUser } from './utils/auth.server'
import { ROLE_HOME, ROLE_LABEL, areaRole, currentRole } from './utils/roles'
import { readPageSession } from './utils/session.server'
import { useNonce } from './utils/nonce'
import { SessionWarning } from './components/session-warning'
import type { Role } from '~db/schema'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/styles/app.css' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Attune – VIG training and accreditation' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  const url = new URL(request.url)
  const area = areaRole(url.pathname)
  const { flash, keptForm, endsAt, headers, rememberedRole } = await readPageSession(request, new Date(), area && user?.roles.includes(area) ? area : null)
  // A form kept when the session ended goes back only into the page it was sent from.
  const here = keptForm && keptForm.path === url.pathname + url.search ? keptForm : null
  return json({ user: user ? headerUser(user, currentRole(user.roles, url.pathname, rememberedRole)) : null, flash, keptForm: here, sessionEndsAt: user ? endsAt : null }, { headers })
}

/** What the header shows of the signed-in person: the role the page is used in, and every role they can switch to. */
function headerUser(user: SessionUser, role: Role) {
  return {
    name: user.name,
    role,
    roleLabel: ROLE_LABEL[role],
    organisationId: user.organisationId,
    roles: user.roles.map((r) => ({ role: r, label: ROLE_LABEL[r], home: ROLE_HOME[r] })),
  }
}

type HeaderUser = ReturnType<typeof headerUser>

/** The pages of the role in use, as nav items; a lead's People page is their organisation's. */
function navItems(user: HeaderUser) {
  if (user.role === 'lead' && user.organisationId !== null) return [...NAV.lead, { to: `/organisations/${user.organisationId}/people`, label: 'People' }]
  return NAV[user.role]
}

/**
 * The root loader runs again on every navigation, not only after a form is sent: otherwise a flash
 * message read once by the server stays on screen page after page (client-side links keep the root's
 * data), the session's end time shown would go stale, and the header would not follow the role in
 * use when a link leads into another role's area (ADR 0018).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname || currentUrl.search !== nextUrl.search

const NAV: Record<Role, { to: string; label: string }[]> = {
  trainee: [
    { to: ROLE_HOME.trainee, label: 'My progress' },
    { to: '/trainee/clients', label: 'My clients' },
    { to: '/trainee/timeline', label: 'Everything logged' },
    { to: '/trainee/feedback', label: 'Feedback' },
    // The certificates page holds the portfolio (PDF) and the whole record to take away.
    { to: '/certificates', label: 'Certificates and portfolio' },
  ],
  supervisor: [
    { to: ROLE_HOME.supervisor, label: 'My trainees' },
    // Accredited supervisors also accredit other supervisors' trainees.
    { to: ROLE_HOME.accreditor, label: 'To accredit' },
  ],
  accreditor: [{ to: ROLE_HOME.accreditor, label: 'To accredit' }],
  lead: [
    { to: ROLE_HOME.lead, label: 'Programmes' },
    { to: '/measures', label: 'Outcome measures' },
  ],
  // Admins run every programme as its lead would (ADR 0009).
  admin: [
    { to: ROLE_HOME.admin, label: 'Administration' },
    { to: '/admin/organisations', label: 'Organisations' },
    { to: ROLE_HOME.lead, label: 'Programmes' },
    { to: '/measures', label: 'Outcome measures' },
  ],
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const data = useRouteLoaderData<typeof loader>('root')
  const user = data?.user ?? null
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <header className="nhsuk-header" role="banner">
          <div className="nhsuk-header__container nhsuk-width-container">
            <div className="nhsuk-header__service">
              <Link className="nhsuk-header__service-logo" to={user ? ROLE_HOME[user.role] : '/'} aria-label="Attune homepage">
                <span className="nhsuk-header__service-name">Attune</span>
              </Link>
            </div>
            {user ? (
              <div className="nhsuk-header__account">
                {user.roles.length > 1 ? (
                  // Keyed by the role in use, so that it is closed again on the page it led to.
                  <RoleSwitcher key={user.role} user={user} />
                ) : (
                  <p className="app-header-user">
                    {user.name} <span className="nhsuk-u-visually-hidden">signed in as</span>
                    <span aria-hidden="true"> · </span>
                    {user.roleLabel}
                  </p>
                )}
                <p className="app-header-user">
                  <Link className="app-header-link" to="/account">
                    E-mail settings
                  </Link>
                </p>
                <Form method="post" action="/logout" className="app-inline-form">
                  <button type="submit" className="nhsuk-button nhsuk-button--reverse nhsuk-button--small nhsuk-u-margin-bottom-0">
                    Sign out
                  </button>
                </Form>
              </div>
            ) : null}
          </div>
          {user ? (
            <nav className="nhsuk-header__navigation" aria-label="Menu">
              <div className="nhsuk-header__navigation-container nhsuk-width-container">
                <ul className="nhsuk-header__navigation-list">
                  {navItems(user).map((item) => (
                    <li className="nhsuk-header__navigation-item" key={item.to}>
                      <NavLink className="nhsuk-header__navigation-link" to={item.to} end={item.to === ROLE_HOME[user.role]}>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent" role="main">
            {data?.sessionEndsAt ? <SessionWarning endsAt={data.sessionEndsAt} /> : null}
            {data?.flash ? (
              <div className="nhsuk-inset-text nhsuk-u-margin-top-0" role="status">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>{data.flash}</p>
              </div>
            ) : null}
            {children}
          </main>
        </div>
        <footer role="contentinfo">
          <div className="nhsuk-footer">
            <div className="nhsuk-width-container">
              <p className="nhsuk-body-s">Attune stores no video and no client names: clients are anonymised codes. Built for VIG training programmes.</p>
            </div>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/**
 * For a person holding several roles: the role in use, opening to a list of each role's home page
 * (a disclosure: works by keyboard and without JavaScript). The nav below shows the role in use.
 */
function RoleSwitcher({ user }: { user: HeaderUser }) {
  return (
    <details className="app-role-switcher">
      <summary className="app-header-user">
        {user.name} <span className="nhsuk-u-visually-hidden">signed in, using Attune as</span>
        <span aria-hidden="true"> · </span>
        {user.roleLabel}
        <span aria-hidden="true"> · </span>
        <span className="app-role-switcher__switch">Switch role</span>
      </summary>
      <ul className="app-role-switcher__list" aria-label="Your roles">
        {user.roles.map((r) => (
          <li key={r.role}>
            <Link className="app-header-link" to={r.home} aria-current={r.role === user.role ? 'true' : undefined}>
              {r.label}
              {r.role === user.role ? <span className="nhsuk-u-visually-hidden"> (in use)</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  )
}

export default function App() {
  useLoaderData<typeof loader>()
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const home = data?.user ? ROLE_HOME[data.user.role] : '/'
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <ErrorPage title="Page not found">
        <p>If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
        <p>
          <Link to={home}>Go to your home page</Link>
        </p>
      </ErrorPage>
    )
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    const message = typeof error.data?.message === 'string' ? error.data.message : 'This page is not open to you.'
    return (
      <ErrorPage title="You do not have access to this page">
        <p>{message}</p>
        <p>
          If you think you should have access, ask your programme lead. Meanwhile, you can{' '}
          <Link to={typeof error.data?.homeHref === 'string' ? error.data.homeHref : home}>go to your home page</Link>.
        </p>
      </ErrorPage>
    )
  }
  if (isRouteErrorResponse(error) && error.status === 503) {
    return (
      <ErrorPage title="Try again in a minute">
        <p>The service is busy or cannot reach its database just now. Nothing you saved before this has been lost.</p>
        <p>
          <Link to={home}>Go to your home page</Link>
        </p>
      </ErrorPage>
    )
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <ErrorPage title="Sorry, that did not work">
        <p>{typeof error.data?.message === 'string' ? error.data.message : 'The request could not be handled.'}</p>
        <p>
          <Link to={home}>Go to your home page</Link>
        </p>
      </ErrorPage>
    )
  }
  return (
    <ErrorPage title="Sorry, there is a problem with the service">
      <p>Try again later. Nothing you saved before this has been lost.</p>
      <p>
        <Link to={home}>Go to your home page</Link>
      </p>
    </ErrorPage>
  )
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  )
}
