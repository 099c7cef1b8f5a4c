import { missingScopes } from '../scopes';
import { ConnectButton } from './connect-button';
import './scope-notice.css';

export type ScopeNoticeProps = {
  /** The scopes TikTok actually granted (the creator may have unticked some). */
  scopes: readonly string[];
};

/**
 * Tells a creator who unticked a permission on TikTok's consent page what that switches off, and
 * how to turn it back on. Renders nothing when everything was granted.
 */
export function ScopeNotice({ scopes }: ScopeNoticeProps) {
  const missing = missingScopes(scopes);
  const noPublish = missing.includes('video.publish');
  const noUpload = missing.includes('video.upload');
  if (!noPublish && !noUpload) return null;

  return (
    <section className="scope-notice" aria-labelledby="scope-notice-title">
      <h2 id="scope-notice-title" className="scope-notice__title">
        Some features are switched off
      </h2>
      <ul className="scope-notice__list">
        {noPublish ? (
          <li>
            You didn't allow <strong>posting to your profile</strong> (<code>video.publish</code>), so Content Studio
            Pro can't post directly. {noUpload ? null : 'You can still send videos to your TikTok inbox as drafts.'}
          </li>
        ) : null}
        {noUpload ? (
          <li>
            You didn't allow <strong>uploading drafts</strong> (<code>video.upload</code>), so Content Studio Pro can't
            send videos to your TikTok inbox as drafts. {noPublish ? null : 'You can still post directly.'}
          </li>
        ) : null}
      </ul>
      <p className="scope-notice__how">
        To switch {noPublish && noUpload ? 'them' : 'it'} on, connect again and leave the permission ticked on TikTok's
        page.
      </p>
      <ConnectButton size="md" variant="secondary">
        Connect again
      </ConnectButton>
    </section>
  );
}
