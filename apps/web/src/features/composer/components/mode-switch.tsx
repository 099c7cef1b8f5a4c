import type { UploadMode } from '@content-studio/contract';
import type { MessageId } from '@lingui/core';
import { useId } from 'react';
import { useT } from '@/lib/i18n';
import './mode-switch.css';

export type ModeSwitchProps = {
  mode: UploadMode;
  onChange: (mode: UploadMode) => void;
  /** Why a mode cannot be used (a permission the creator didn't grant); null when it can. */
  unavailable: Record<UploadMode, string | null>;
};

const MODES: { mode: UploadMode; label: MessageId; description: MessageId }[] = [
  { mode: 'direct', label: 'composer.mode.direct', description: 'composer.mode.directHint' },
  { mode: 'draft', label: 'composer.mode.draft', description: 'composer.mode.draftHint' },
];

/**
 * Direct Post (scope video.publish) or a draft in the TikTok inbox (scope video.upload), as a
 * segmented radio group: one Tab stop, arrow keys move between the modes, a disabled mode says why.
 */
export function ModeSwitch({ mode, onChange, unavailable }: ModeSwitchProps) {
  const t = useT();
  const name = useId();
  const legendId = useId();
  return (
    <fieldset className="mode-switch" aria-labelledby={legendId}>
      <legend id={legendId} className="mode-switch__legend">
        {t('composer.howToSend')}
      </legend>
      <div className="mode-switch__options">
        {MODES.map((option) => {
          const reason = unavailable[option.mode];
          const hintId = `${name}-${option.mode}-hint`;
          return (
            <label key={option.mode} className="mode-switch__option">
              <input
                className="mode-switch__input"
                type="radio"
                name={name}
                value={option.mode}
                checked={mode === option.mode}
                disabled={reason !== null}
                aria-describedby={hintId}
                onChange={() => onChange(option.mode)}
              />
              <span className="mode-switch__label">{t(option.label)}</span>
              <span id={hintId} className="mode-switch__hint">
                {reason ?? t(option.description)}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
