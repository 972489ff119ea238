import { plural } from '~/domain/wording'
/** A set-password link just issued: said to be e-mailed, or shown once to pass on where no mail relay is set up. */
export function PasswordLinkCard({ link }: { link: { name: string; email: string; url: string | null; days: number } }) {
  return (
    <div className="nhsuk-card nhsuk-card--feature" role="status">
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <h2 className="nhsuk-card__heading nhsuk-card__heading--feature">Set-password link for {link.name}</h2>
        {link.url === null ? (
          <p>
            We have e-mailed {link.name} a link to set their password, at <strong>{link.email}</strong>. It works once, for {plural(link.days, 'day')}.
          </p>
        ) : (
          <>
            <p>
              Attune has no e-mail relay set up, so pass this link on to {link.name} yourself. It works once, for {plural(link.days, 'day')}, and this is the only time it is shown.
            </p>
            <div className="nhsuk-form-group">
              <label className="nhsuk-label" htmlFor="set-password-link">
                Link for {link.name}
              </label>
              <input className="nhsuk-input app-wrap" id="set-password-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            </div>
          </>
        )}
      </div>
    </div>
  )
}
