import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { authConfigQueries } from '@/features/auth/api/auth-config-queries';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { RequireSession } from '@/features/auth/components/require-session';
import { ScopeNotice } from '@/features/auth/components/scope-notice';
import type { Session } from '@/features/auth/session-store';
import { Composer } from '@/features/composer';
import { UploadQueue, useUploadQueue } from '@/features/upload';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { registeredAccessTokens } from '@/lib/access-token-source';
import { useT } from '@/lib/i18n';
import './compose.css';

/**
 * The compose screen: the composer (what to post and how, TikTok's audited rules) hands each
 * consented video to the upload engine, whose queue shows it until TikTok is done. The two features
 * never import each other; this route wires them and gives both the session's access token.
 */
export function ComposeRoute() {
  const t = useT();
  useDocumentTitle(t('compose.title'));
  return <RequireSession>{(session) => <ComposePage session={session} />}</RequireSession>;
}

function ComposePage({ session }: { session: Session }) {
  const queue = useUploadQueue({ tokens: registeredAccessTokens, owner: session.openId });
  // TikTok refuses posts from apps it has not audited unless the account is private; once a post
  // came back with that, the composer explains it in full.
  const unaudited = queue.jobs.some((job) => job.error?.code === 'UNAUDITED_APP_RESTRICTION');
  // The operator knows whether TikTok audited the app: the composer says so before the first post.
  const appAudited = useQuery(authConfigQueries.detail()).data?.appAudited;
  const t = useT();

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
      <ScopeNotice scopes={session.scopes} />
      <Composer
        key={session.openId}
        openId={session.openId}
        grantedScopes={session.scopes}
        unauditedRestriction={unaudited}
        appAudited={appAudited}
        onSubmit={queue.enqueue}
      />
      <UploadQueue queue={queue} />
    </div>
  );
}
