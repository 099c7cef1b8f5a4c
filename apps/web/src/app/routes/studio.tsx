import { ButtonLink } from '@/components/ui/button-link';
import { paths } from '@/config/paths';
import { AccountMenu } from '@/features/auth/components/account-menu';
import { AccountNotices } from '@/features/auth/components/account-notices';
import { RequireSession } from '@/features/auth/components/require-session';
import { ScopeNotice } from '@/features/auth/components/scope-notice';
import { TikTokDisconnectSteps } from '@/features/legal/components/tiktok-disconnect-steps';
import { StudioEmptyState } from '@/features/studio/components/studio-empty-state';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';
import './studio.css';

export function StudioRoute() {
  const t = useT();
  useDocumentTitle(t('studio.documentTitle'));
  return (
    <RequireSession>
      {(session) => (
        <div className="studio">
          <div className="studio__header">
            <h1 className="studio__title">{t('studio.title')}</h1>
            <AccountMenu session={session} />
          </div>
          <AccountNotices manageAppsSteps={<TikTokDisconnectSteps />} />
          <div>
            <ButtonLink to={paths.compose.getHref()} variant="primary" size="lg">
              {t('studio.newPost')}
            </ButtonLink>
          </div>
          <ScopeNotice scopes={session.scopes} />
          <StudioEmptyState />
        </div>
      )}
    </RequireSession>
  );
}
