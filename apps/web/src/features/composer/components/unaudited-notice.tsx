import { useId } from 'react';
import { useT } from '@/lib/i18n';
import { privacyLabel } from '../composer-schema';
import './composer-notices.css';

/**
 * Until TikTok has audited an app, it only lets that app post "Only me" videos from private
 * accounts (TikTok's Content Sharing Guidelines). A creator who meets this deserves to know why, what they can do
 * now, and what only the app's owner can change.
 */
export function UnauditedNotice() {
  const t = useT();
  const titleId = useId();
  const selfOnly = privacyLabel('SELF_ONLY');
  return (
    <section className="composer-notice composer-notice--info" aria-labelledby={titleId}>
      <h2 id={titleId} className="composer-notice__title">
        {t('composer.unaudited.title')}
      </h2>
      <p>{t('composer.unaudited.text', { selfOnly })}</p>
      <div className="composer-notice__columns">
        <div>
          <h3 className="composer-notice__subtitle">{t('composer.unaudited.youCan')}</h3>
          <ul className="composer-notice__list">
            <li>{t('composer.unaudited.private')}</li>
            <li>{t('composer.unaudited.selfOnly', { selfOnly })}</li>
            <li>{t('composer.unaudited.later')}</li>
          </ul>
        </div>
        <div>
          <h3 className="composer-notice__subtitle">{t('composer.unaudited.ownerCan')}</h3>
          <ul className="composer-notice__list">
            <li>{t('composer.unaudited.audit')}</li>
          </ul>
        </div>
      </div>
    </section>
  );
}
