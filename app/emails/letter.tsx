// One layout for every e-mail Attune sends: a template says what to tell someone as a `Letter`
// (plain data), and `renderLetter` writes it as plain text and as simple HTML. Pure: no I/O.
// Content rules (issue #13): en-GB dates, no client data beyond anonymised codes, nothing the
// recipient could not see in the app, and a link straight to the page that acts on it.
import { renderToStaticMarkup } from 'react-dom/server'

export interface LetterItem {
  text: string
  /** Where to act on this item, as an absolute URL. */
  url?: string
}

export interface Letter {
  subject: string
  /** "Hello Amira," */
  greeting: string
  paragraphs: string[]
  items?: LetterItem[]
  /** Quoted words of another person (a return comment, an accreditor's reasons). */
  quote?: { by: string; text: string }
  action?: { label: string; url: string }
  /** The page that acts on it, listed in a daily or weekly round-up in place of this message. */
  link: string
}

export interface RenderedLetter {
  subject: string
  text: string
  html: string
}

/** Footer wording; `unsubscribeUrl` is given for every non-essential message and absent otherwise. */
export function footerLines(options: { unsubscribeUrl?: string | null; preferencesUrl: string }): string[] {
  return options.unsubscribeUrl
    ? [`You get these e-mails because you use Attune. Choose how often at ${options.preferencesUrl}`, `Unsubscribe from all but essential e-mail: ${options.unsubscribeUrl}`]
    : ['This is an essential message about your account, so it is sent whatever your e-mail choices.']
}

export function renderLetter(letter: Letter, options: { unsubscribeUrl?: string | null; preferencesUrl: string }): RenderedLetter {
  const footer = footerLines(options)
  const text = [
    letter.greeting,
    ...letter.paragraphs,
    ...(letter.quote
      ? [
          `${letter.quote.by} wrote:\n${letter.quote.text
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n')}`,
        ]
      : []),
    ...(letter.items?.length ? [letter.items.map((item) => `- ${item.text}${item.url ? `\n  ${item.url}` : ''}`).join('\n')] : []),
    ...(letter.action ? [`${letter.action.label}: ${letter.action.url}`] : []),
    `--\nAttune\n${footer.join('\n')}`,
  ].join('\n\n')
  const html =
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang="en-GB">
        <head>
          <meta charSet="utf-8" />
          <title>{letter.subject}</title>
        </head>
        <body style={{ fontFamily: 'Arial, sans-serif', fontSize: '16px', lineHeight: 1.5, color: '#212b32', maxWidth: '40em' }}>
          <p>{letter.greeting}</p>
          {letter.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {letter.quote ? (
            <>
              <p>{letter.quote.by} wrote:</p>
              <blockquote style={{ borderLeft: '4px solid #768692', margin: '0 0 16px', padding: '0 0 0 12px', whiteSpace: 'pre-wrap' }}>{letter.quote.text}</blockquote>
            </>
          ) : null}
          {letter.items?.length ? (
            <ul>
              {letter.items.map((item, i) => (
                <li key={i}>{item.url ? <a href={item.url}>{item.text}</a> : item.text}</li>
              ))}
            </ul>
          ) : null}
          {letter.action ? (
            <p>
              <a href={letter.action.url} style={{ display: 'inline-block', background: '#007f3b', color: '#ffffff', padding: '8px 16px', textDecoration: 'none', fontWeight: 'bold' }}>
                {letter.action.label}
              </a>
            </p>
          ) : null}
          <hr />
          <p style={{ fontSize: '14px', color: '#4c6272' }}>
            Attune
            {options.unsubscribeUrl ? (
              <>
                <br />
                You get these e-mails because you use Attune. <a href={options.preferencesUrl}>Choose how often</a>.
                <br />
                <a href={options.unsubscribeUrl}>Unsubscribe from all but essential e-mail</a>
              </>
            ) : (
              <>
                <br />
                {footer[0]}
              </>
            )}
          </p>
        </body>
      </html>,
    )
  return { subject: letter.subject, text, html }
}
