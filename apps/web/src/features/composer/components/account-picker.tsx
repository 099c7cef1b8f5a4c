import { useId } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { useT } from '@/lib/i18n';
import type { ComposeTarget } from '../target-plan';
import './account-picker.css';

export type AccountPickerProps = {
  targets: readonly ComposeTarget[];
  /** The open ids of the accounts the video goes to. */
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
};

/**
 * Which connected accounts get the video: one checkbox each, named as TikTok names the account
 * (nickname and @username) so two accounts are told apart. Only shown with several accounts.
 */
export function AccountPicker({ targets, chosen, onChange }: AccountPickerProps) {
  const t = useT();
  const legendId = useId();
  const hintId = useId();
  const idBase = useId();
  return (
    <fieldset className="account-picker" aria-labelledby={legendId} aria-describedby={hintId}>
      <legend id={legendId} className="account-picker__legend">
        {t('accounts.compose.pickerLegend')}
      </legend>
      <p id={hintId} className="composer-hint">
        {t('accounts.compose.pickerHint')}
      </p>
      <ul className="account-picker__list">
        {targets.map((target) => {
          const id = `${idBase}-${target.id}`;
          const checked = chosen.includes(target.id);
          return (
            <li key={target.id} className="account-picker__item">
              <input
                id={id}
                className="composer-checkbox"
                type="checkbox"
                checked={checked}
                onChange={(event) =>
                  onChange(
                    // Kept in the accounts' own order, whatever order they were ticked in.
                    targets
                      .map((candidate) => candidate.id)
                      .filter((candidate) =>
                        candidate === target.id ? event.target.checked : chosen.includes(candidate),
                      ),
                  )
                }
              />
              <label htmlFor={id} className="account-picker__label">
                <Avatar url={target.avatarUrl} name={target.name} size="sm" decorative />
                <span className="account-picker__text">
                  <span className="account-picker__name">{target.name}</span>
                  {target.username ? <span className="account-picker__handle">@{target.username}</span> : null}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
