import type { PrivacyLevel } from '@content-studio/contract';
import { useId } from 'react';
import { BRANDED_CONTENT_NOT_PRIVATE, PRIVACY_LABELS } from '../composer-schema';
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

export const PRIVACY_PLACEHOLDER = 'Choose who can see this';

/**
 * Who can see the post, from the creator's own options only and with NO default (TikTok's Content Sharing Guidelines):
 * a disabled placeholder is selected until the creator picks. While Branded content is ticked,
 * "Only me" is disabled and the reason is shown under the field (and as the option's tooltip).
 */
export function PrivacyLevelSelect({ options, value, onChange, brandedContent }: PrivacyLevelSelectProps) {
  const id = useId();
  const hintId = useId();
  const brandedHintId = useId();
  const offersSelfOnly = options.includes('SELF_ONLY');
  const describedBy = [hintId, brandedContent && offersSelfOnly ? brandedHintId : null].filter(Boolean).join(' ');

  return (
    <div className="privacy-select">
      <label htmlFor={id} className="composer-label">
        Who can see this video
      </label>
      <p id={hintId} className="composer-hint">
        {options.length > 0
          ? 'TikTok offers these audiences for your account. Nothing is chosen for you.'
          : 'TikTok offers no audience for your account right now, so it cannot post. Check your account in the TikTok app.'}
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
          {PRIVACY_PLACEHOLDER}
        </option>
        {options.map((level) => {
          const blocked = level === 'SELF_ONLY' && brandedContent;
          return (
            <option
              key={level}
              value={level}
              disabled={blocked}
              title={blocked ? BRANDED_CONTENT_NOT_PRIVATE : undefined}
            >
              {PRIVACY_LABELS[level]}
            </option>
          );
        })}
      </select>
      {brandedContent && offersSelfOnly ? (
        <p id={brandedHintId} className="composer-note">
          “{PRIVACY_LABELS.SELF_ONLY}” is not available: {BRANDED_CONTENT_NOT_PRIVATE}
        </p>
      ) : null}
    </div>
  );
}
