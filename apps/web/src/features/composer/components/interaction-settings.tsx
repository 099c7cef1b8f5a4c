import type { CreatorInfo } from '@content-studio/contract';
import { useId } from 'react';
import { useT } from '@/lib/i18n';
import { isPrivateAccount } from '../composer-schema';
import './interaction-settings.css';

export type InteractionValues = { allowComment: boolean; allowDuet: boolean; allowStitch: boolean };

export type InteractionSettingsProps = {
  info: CreatorInfo;
  values: InteractionValues;
  onChange: (values: Partial<InteractionValues>) => void;
};

/**
 * "Allow Comment", "Allow Duet", "Allow Stitch" (TikTok's Content Sharing Guidelines): none ticked by default, and a box
 * is disabled and greyed, with the reason beside it, where the creator's TikTok settings turn that
 * interaction off.
 */
export function InteractionSettings({ info, values, onChange }: InteractionSettingsProps) {
  const t = useT();
  const isPrivate = isPrivateAccount(info);
  const rows = [
    {
      key: 'allowComment',
      label: t('composer.allowComment'),
      disabled: info.commentDisabled,
      reason: t('composer.commentsOff'),
    },
    {
      key: 'allowDuet',
      label: t('composer.allowDuet'),
      disabled: info.duetDisabled,
      reason: isPrivate ? t('composer.duetsPrivate') : t('composer.duetsOff'),
    },
    {
      key: 'allowStitch',
      label: t('composer.allowStitch'),
      disabled: info.stitchDisabled,
      reason: isPrivate ? t('composer.stitchesPrivate') : t('composer.stitchesOff'),
    },
  ] as const;
  const legendId = useId();
  const idBase = useId();

  return (
    <fieldset className="interactions" aria-labelledby={legendId}>
      <legend id={legendId} className="composer-label">
        {t('composer.interactions')}
      </legend>
      <ul className="interactions__list">
        {rows.map((row) => {
          const inputId = `${idBase}-${row.key}`;
          const reasonId = `${inputId}-reason`;
          return (
            <li key={row.key} className={`interactions__item${row.disabled ? ' interactions__item--disabled' : ''}`}>
              <input
                id={inputId}
                className="composer-checkbox"
                type="checkbox"
                checked={row.disabled ? false : values[row.key]}
                disabled={row.disabled}
                aria-describedby={row.disabled ? reasonId : undefined}
                onChange={(event) => onChange({ [row.key]: event.target.checked })}
              />
              <label htmlFor={inputId} className="interactions__label">
                {row.label}
              </label>
              {row.disabled ? (
                <p id={reasonId} className="interactions__reason">
                  {row.reason}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
