import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { authConfigQueries } from '@/features/auth/api/auth-config-queries';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { AccountNotices } from '@/features/auth/components/account-notices';
import { RequireSession } from '@/features/auth/components/require-session';
import { ScopeNotice } from '@/features/auth/components/scope-notice';
import { accountAccessTokens } from '@/features/auth/session-refresh';
import { useAccounts, type Session } from '@/features/auth/session-store';
import { Composer, type ComposerAccount } from '@/features/composer';
import { TikTokDisconnectSteps } from '@/features/legal/components/tiktok-disconnect-steps';
import { UploadQueue, useUploadQueues } from '@/features/upload';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';
import './compose.css';

/**
 * The compose screen: the composer (what to post and how, TikTok's audited rules) hands each
 * consented video to the upload engine, whose queue shows it until TikTok is done. The two features
 * never import each other; this route wires them and gives both each connected account's own token
 * source: one video can go to several accounts, each through its own queue
 * (docs/decisions/025-several-accounts.md).
 */
export function ComposeRoute() {
  const t = useT();
  useDocumentTitle(t('compose.title'));
  return <RequireSession>{(session) => <ComposePage session={session} />}</RequireSession>;
}

function ComposePage({ session }: { session: Session }) {
  const t = useT();
  const accounts = useAccounts();
  const queues = useUploadQueues(
    accounts.map((account) => ({ tokens: accountAccessTokens(account.openId), owner: account.openId })),
  );
  // The operator knows whether TikTok audited the app: the composer says so before the first post.
  const appAudited = useQuery(authConfigQueries.detail()).data?.appAudited;
  const several = accounts.length > 1;

  const composerAccounts = accounts.map((account, index): ComposerAccount => ({
    openId: account.openId,
    grantedScopes: account.scopes,
    tokens: accountAccessTokens(account.openId),
    displayName: account.displayName,
    username: account.username,
    // TikTok refuses posts from apps it has not audited unless the account is private; once a
    // post of this account came back with that, the composer explains it in full.
    unauditedRestriction: queues[index]?.jobs.some((job) => job.error?.code === 'UNAUDITED_APP_RESTRICTION'),
  }));

  return (
    <div className="compose">
      <div className="compose__header">
        <div className="compose__heading">
          <Link to={paths.studio.getHref()} className="compose__back">
            <span aria-hidden="true">←</span> {t('studio.title')}
          </Link>
          <h1 className="compose__title">{t('compose.title')}</h1>
        </div>
        <AccountMenu session={session} />
      </div>
      <AccountNotices manageAppsSteps={<TikTokDisconnectSteps />} />
      <ScopeNotice scopes={session.scopes} />
      <Composer
        // A new form when an account joins or leaves: its settings start from that account's fresh creator info.
        key={accounts.map((account) => account.openId).join(' ')}
        accounts={composerAccounts}
        defaultAccount={session.openId}
        appAudited={appAudited}
        onSubmit={(submission, openId) => {
          const queue = queues.find((candidate) => candidate.owner === openId);
          if (!queue) throw new Error(t('accounts.compose.notConnected'));
          return queue.enqueue(submission);
        }}
      />
      {queues.map((queue, index) => {
        const account = accounts[index];
        const name = account?.displayName ?? (account?.username ? `@${account.username}` : t('accounts.unnamed'));
        return (
          <UploadQueue
            key={queue.owner}
            queue={queue}
            {...(several ? { heading: t('accounts.uploadsFor', { name }) } : {})}
          />
        );
      })}
    </div>
  );
}
