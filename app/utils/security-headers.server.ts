// The security headers of every answer (ADR 0012). Pages get a Content-Security-Policy that allows
// only this site's scripts and styles, inline scripts only with the page's nonce (Remix's own);
// inline style attributes are allowed for the progress bars' widths, nothing else inline.

/** The headers for a page rendered with `nonce`, or for a non-page answer (`null`: no scripts at all). */
export function securityHeaders(nonce: string | null): Record<string, string> {
  const policy = [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'none'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  }
}
