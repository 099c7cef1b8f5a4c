import type { PrivacyLevel } from '@content-studio/contract';
import { useId } from 'react';
import { t as translate, useT } from '@/lib/i18n';
import { prescribed, privacyLabel } from '../composer-schema';
import './privacy-level-select.css';

export type PrivacyLevelSelectProps = {
  /** Exactly the creator's `privacy_level_options`, in TikTok's order; nothing else is offered. */
  options: readonly PrivacyLevel[];
  /** '' until the creator chooses. */
  value: PrivacyLevel | '';
  onChange: (value: PrivacyLevel) => void;
  /** Branded content is ticked, so "Only me" is not allowed (TikTok's Content Sharing Guidelines). */
  brandedContent: boolean;
};

/** The select's empty choice, until the creator picks. */
export const privacyPlaceholder = () => translate('composer.privacy.placeholder');

/**
 * Who can see the post, from the creator's own options only and with NO default (TikTok's Content Sharing Guidelines):
 * a disabled placeholder is selected until the creator picks. While Branded content is ticked,
 * "Only me" is disabled and the reason is shown under the field (and as the option's tooltip).
 */
export function PrivacyLevelSelect({ options, value, onChange, brandedContent }: PrivacyLevelSelectProps) {
  const t = useT();
  const id = useId();
  const hintId = useId();
  const brandedHintId = useId();
  const offersSelfOnly = options.includes('SELF_ONLY');
  const describedBy = [hintId, brandedContent && offersSelfOnly ? brandedHintId : null].filter(Boolean).join(' ');

  return (
    <div className="privacy-select">
      <label htmlFor={id} className="composer-label">
        {t('composer.privacy.label')}
      </label>
      <p id={hintId} className="composer-hint">
        {options.length > 0 ? t('composer.privacy.hint') : t('composer.privacy.none')}
      </p>
      <select
        id={id}
        className="privacy-select__input"
        value={value}
        required
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value as PrivacyLevel)}
      >
        <option value="" disabled>
          {privacyPlaceholder()}
        </option>
        {options.map((level) => {
          const blocked = level === 'SELF_ONLY' && brandedContent;
          return (
            <option
              key={level}
              value={level}
              disabled={blocked}
              title={blocked ? prescribed.brandedContentNotPrivate() : undefined}
            >
              {privacyLabel(level)}
            </option>
          );
        })}
      </select>
      {brandedContent && offersSelfOnly ? (
        <p id={brandedHintId} className="composer-note">
          {t('composer.privacy.selfOnlyBlocked', {
            label: privacyLabel('SELF_ONLY'),
            reason: prescribed.brandedContentNotPrivate(),
          })}
        </p>
      ) : null}
    </div>
  );
}
