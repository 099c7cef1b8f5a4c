import { useId } from 'react';
import './composer-notices.css';

/**
 * Until TikTok has audited an app, it only lets that app post "Only me" videos from private
 * accounts (TikTok's Content Sharing Guidelines). A creator who meets this deserves to know why, what they can do
 * now, and what only the app's owner can change.
 */
export function UnauditedNotice() {
  const titleId = useId();
  return (
    <section className="composer-notice composer-notice--info" aria-labelledby={titleId}>
      <h2 id={titleId} className="composer-notice__title">
        TikTok limits this app for now
      </h2>
      <p>
        Until Content Studio Pro passes TikTok's audit, TikTok only allows posts visible to “Only me”, from private
        accounts.
      </p>
      <div className="composer-notice__columns">
        <div>
          <h3 className="composer-notice__subtitle">What you can do</h3>
          <ul className="composer-notice__list">
            <li>
              Switch your TikTok account to private (in the TikTok app: Profile → Settings and privacy → Privacy →
              Private account).
            </li>
            <li>Post with “Only me” as the audience.</li>
            <li>Later, change the video's visibility in TikTok; make the account public again first if you like.</li>
          </ul>
        </div>
        <div>
          <h3 className="composer-notice__subtitle">What the app's owner can do</h3>
          <ul className="composer-notice__list">
            <li>Complete TikTok's audit of this app. After that, TikTok lifts these limits.</li>
          </ul>
        </div>
      </div>
    </section>
  );
}
