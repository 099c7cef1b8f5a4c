import { ButtonLink } from '@/components/ui/button-link';
import { paths } from '@/config/paths';
import './account-bar.css';

/**
 * Where the connected creator's avatar and display name sit. Until sign-in exists there is no
 * account in this tab, and the bar says exactly that rather than showing a made-up profile.
 */
export function AccountBar() {
  return (
    <section className="account-bar" aria-labelledby="account-bar-title">
      <span className="account-bar__avatar" aria-hidden="true">
        <svg viewBox="0 0 24 24" focusable="false">
          <circle cx="12" cy="9" r="4" />
          <path d="M4 20.5c1.2-3.8 4.3-5.5 8-5.5s6.8 1.7 8 5.5" />
        </svg>
      </span>
      <div className="account-bar__text">
        <h2 id="account-bar-title" className="account-bar__label">
          Connected account
        </h2>
        <p className="account-bar__name">No TikTok account connected in this tab</p>
      </div>
      <ButtonLink to={paths.home.getHref()} variant="secondary" className="account-bar__action">
        Connect TikTok
      </ButtonLink>
    </section>
  );
}
