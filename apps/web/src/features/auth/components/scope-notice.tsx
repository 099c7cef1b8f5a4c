import { RichText, useT } from '@/lib/i18n';
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
  const t = useT();
  const missing = missingScopes(scopes);
  const noPublish = missing.includes('video.publish');
  const noUpload = missing.includes('video.upload');
  if (!noPublish && !noUpload) return null;

  return (
    <section className="scope-notice" aria-labelledby="scope-notice-title">
      <h2 id="scope-notice-title" className="scope-notice__title">
        {t('scopes.title')}
      </h2>
      <ul className="scope-notice__list">
        {noPublish ? (
          <li>
            <RichText id="scopes.noPublish" components={{ 0: <strong />, 1: <code /> }} />{' '}
            {noUpload ? null : t('scopes.draftsStill')}
          </li>
        ) : null}
        {noUpload ? (
          <li>
            <RichText id="scopes.noUpload" components={{ 0: <strong />, 1: <code /> }} />{' '}
            {noPublish ? null : t('scopes.directStill')}
          </li>
        ) : null}
      </ul>
      <p className="scope-notice__how">{t('scopes.how', { count: noPublish && noUpload ? 2 : 1 })}</p>
      <ConnectButton size="md" variant="secondary">
        {t('scopes.connectAgain')}
      </ConnectButton>
    </section>
  );
}
