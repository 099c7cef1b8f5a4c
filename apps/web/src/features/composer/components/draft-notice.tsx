import { useId } from 'react';
import { useT } from '@/lib/i18n';
import './composer-notices.css';

/**
 * A draft goes to the creator's TikTok inbox with the video only: TikTok ignores every post setting
 * for drafts (TikTok's Upload reference), and the creator must open TikTok's inbox notification to finish the
 * post (docs/requirements/tiktok-rules.md#inbox-notice). Said before sending, so nobody writes a caption that will not arrive.
 */
export function DraftNotice() {
  const t = useT();
  const titleId = useId();
  return (
    <section className="composer-notice" aria-labelledby={titleId}>
      <h3 id={titleId} className="composer-notice__title">
        {t('composer.draftNotice.title')}
      </h3>
      <p>{t('composer.draftNotice.text')}</p>
      <ol className="composer-notice__list composer-notice__list--steps">
        <li>{t('composer.draftNotice.step1')}</li>
        <li>{t('composer.draftNotice.step2')}</li>
        <li>{t('composer.draftNotice.step3')}</li>
      </ol>
    </section>
  );
}
