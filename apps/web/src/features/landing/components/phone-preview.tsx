import { formatNumber, useT } from '@/lib/i18n';
import './phone-preview.css';

/**
 * A drawing of the compose flow, made of plain elements so it costs no image request. It repeats
 * nothing the text does not already say, so it is hidden from assistive technology.
 */
export function PhonePreview() {
  const t = useT();
  return (
    <div className="phone-preview" aria-hidden="true">
      <div className="phone-preview__device">
        <div className="phone-preview__video">
          <span className="phone-preview__play" />
          <span className="phone-preview__time">0:24</span>
        </div>
        <div className="phone-preview__sheet">
          <span className="phone-preview__line phone-preview__line--long" />
          <span className="phone-preview__line" />
          <div className="phone-preview__chips">
            <span className="phone-preview__chip">{t('landing.preview.followers')}</span>
            <span className="phone-preview__chip phone-preview__chip--off">{t('landing.preview.commentsOff')}</span>
          </div>
          <span className="phone-preview__post">{t('landing.preview.post')}</span>
        </div>
      </div>
      <div className="phone-preview__badge phone-preview__badge--top">
        <span className="phone-preview__dot" />
        {t('landing.preview.uploading', { percent: formatNumber(0.68, { style: 'percent' }) })}
      </div>
      <div className="phone-preview__badge phone-preview__badge--bottom">
        <span className="phone-preview__check">✓</span>
        {t('landing.preview.published')}
      </div>
    </div>
  );
}
