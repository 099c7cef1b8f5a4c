import { useId } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Spinner } from '@/components/ui/spinner';
import { useT } from '@/lib/i18n';
import { isBranded, type ComposerFields } from '../composer-schema';
import type { TargetPlan } from '../target-plan';
import { formatDuration } from '../video-checks';
import { CommercialDisclosure } from './commercial-disclosure';
import { InteractionSettings } from './interaction-settings';
import { PrivacyLevelSelect } from './privacy-level-select';
import './account-settings.css';

export type AccountSettingsProps = {
  plan: TargetPlan;
  /** Why the last Post did not reach this account (its settings changed, say); null otherwise. */
  error: string | null;
  onChange: (change: Partial<ComposerFields>) => void;
};

/**
 * One chosen account's block, with several accounts: under the account's own heading, TikTok's
 * rules for that account (its audiences with none chosen, its interaction settings greyed where
 * it turned them off, its commercial disclosure, its longest video), and whether it is ready, still
 * needs a choice, or will not get the video and why. An account that cannot get it never holds up
 * the others.
 */
export function AccountSettings({ plan, error, onChange }: AccountSettingsProps) {
  const t = useT();
  const headingId = useId();
  const { target, fields } = plan;
  const info = target.creatorInfo;
  const stopped = plan.waiting ? undefined : target.stopped;
  const otherReason = plan.waiting || stopped || plan.tooLong ? null : plan.excluded;

  return (
    <section className="account-settings" aria-labelledby={headingId}>
      <div className="account-settings__head">
        <Avatar url={target.avatarUrl} name={target.name} decorative />
        <h3 id={headingId} className="account-settings__title">
          <span className="account-settings__name">{target.name}</span>{' '}
          {target.username ? <span className="account-settings__handle">@{target.username}</span> : null}
        </h3>
      </div>

      {plan.waiting ? (
        <p className="composer-loading">
          <Spinner />
          {t('accounts.compose.loadingFor', { name: target.name })}
        </p>
      ) : null}
      {stopped ? stopped.notice : null}
      {otherReason ? (
        <div className="composer-note">
          <p>{otherReason}</p>
          <p>{t('accounts.compose.othersStillGet')}</p>
        </div>
      ) : null}
      {plan.tooLong ? (
        <div className="composer-error" role="alert">
          <p>{plan.tooLong.message}</p>
          <p>{t('accounts.compose.othersStillGet')}</p>
        </div>
      ) : null}

      {plan.direct && info && !plan.waiting && !stopped ? (
        <>
          <p className="composer-hint">
            {t('accounts.compose.maxLength', { duration: formatDuration(info.maxVideoPostDurationSec) })}
          </p>
          <PrivacyLevelSelect
            options={plan.privacyOptions}
            value={fields.privacyLevel}
            onChange={(level) => onChange({ privacyLevel: level })}
            brandedContent={isBranded(fields)}
          />
          <InteractionSettings info={info} values={fields} onChange={onChange} />
          <CommercialDisclosure fields={fields} onChange={onChange} />
        </>
      ) : null}

      {error ? (
        <p className="composer-error" role="alert">
          {error}
        </p>
      ) : null}
      {!plan.waiting && plan.excluded === null ? (
        plan.blockers.length > 0 ? (
          <ul className="composer__blockers" aria-label={t('accounts.compose.stillNeeded', { name: target.name })}>
            {plan.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        ) : (
          <p className="account-settings__ready">{t('accounts.compose.ready')}</p>
        )
      ) : null}
    </section>
  );
}
