import { useId, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';
import { sessionStore, useEndedAccounts, type EndedAccount } from '../session-store';
import './account-notices.css';

export type AccountNoticesProps = {
  /** TikTok's own "remove this app" steps; the route passes the legal feature's list. */
  manageAppsSteps: ReactNode;
};

/**
 * Says which account's session ended while the creator stays signed in with another: a refused or
 * expired token, or a disconnect. Rendered in a polite live region that is always there, so a
 * session ending in the background (a 401 on an upload, say) is announced, not only shown.
 */
export function AccountNotices({ manageAppsSteps }: AccountNoticesProps) {
  const ended = useEndedAccounts();
  return (
    <div className="account-notices" aria-live="polite">
      {ended.map((account) => (
        <EndedAccountNotice key={account.openId} account={account} manageAppsSteps={manageAppsSteps} />
      ))}
    </div>
  );
}

function EndedAccountNotice({ account, manageAppsSteps }: { account: EndedAccount; manageAppsSteps: ReactNode }) {
  const t = useT();
  const titleId = useId();
  const name = account.displayName ?? (account.username ? `@${account.username}` : t('accounts.unnamed'));
  const { end } = account;
  const unconfirmed = end.reason === 'disconnected' && !end.revoked;
  const title =
    end.reason === 'disconnected'
      ? end.revoked
        ? t('accounts.ended.disconnectedTitle', { name })
        : t('accounts.ended.unconfirmedTitle', { name })
      : t('accounts.ended.expiredTitle', { name });
  const text =
    end.reason === 'disconnected'
      ? end.revoked
        ? t('accounts.ended.disconnectedText')
        : t('accounts.ended.unconfirmedText')
      : end.reason === 'lifetime-ended'
        ? t('accounts.ended.lifetimeText')
        : t('accounts.ended.expiredText');
  return (
    <section
      className="account-notice"
      aria-labelledby={titleId}
      data-tone={end.reason === 'disconnected' && !unconfirmed ? 'info' : 'warning'}
    >
      <h2 id={titleId} className="account-notice__title">
        {title}
      </h2>
      <p>{text}</p>
      {unconfirmed ? manageAppsSteps : null}
      <div>
        <Button
          variant="secondary"
          aria-describedby={titleId}
          onClick={() => sessionStore.dismissEnded(account.openId)}
        >
          {t('accounts.ended.dismiss')}
        </Button>
      </div>
    </section>
  );
}
