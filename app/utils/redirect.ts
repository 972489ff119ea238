// Where to send someone after signing in: only ever a page of this site (issue 17, open redirects).
const THIS_SITE = 'http://attune.invalid'

/**
 * Only a path on this site: never send someone to another website after sign-in. Browsers drop
 * tabs and line breaks from addresses and read a backslash as a slash, so `/\t/evil.example` and
 * `/\\evil.example` lead off-site: anything with control or non-ASCII characters or a backslash is
 * refused outright, and what is left must resolve to this site. Returns the path as the browser will
 * read it, or `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== 'string' || to.length > 2000 || !/^\/[\x21-\x7e]*$/.test(to) || to.startsWith('//') || to.includes('\\')) return fallback
  const url = new URL(to, THIS_SITE)
  if (url.origin !== THIS_SITE) return fallback
  return url.pathname + url.search + url.hash
}
