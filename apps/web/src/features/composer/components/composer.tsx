import type { CreatorInfo, PostSettings } from '@content-studio/contract';
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { isApiError } from '@/lib/api-error';
import { creatorMessage } from '@/lib/api-error-text';
import { formatList, t, useT } from '@/lib/i18n';
import { creatorInfoQueries } from '../api/creator-info-queries';
import type { ComposerSubmission } from '../composer-schema';
import { ComposerForm, type ComposeTarget } from './composer-form';
import './composer-notices.css';

/** A connected TikTok account the composer can post to. */
export type ComposerAccount = {
  openId: string;
  /** The scopes TikTok granted this account: video.publish for Post now, video.upload for drafts. */
  grantedScopes: readonly string[];
  /** The account's own session: its creator info is asked for with its token, never another's. */
  tokens: AccessTokenSource;
  /** How to name the account until its creator info is here (the profile's display name). */
  displayName?: string | undefined;
  username?: string | undefined;
  /** A previous post of this account was refused with UNAUDITED_APP_RESTRICTION. */
  unauditedRestriction?: boolean;
};

export type ComposerProps = {
  /**
   * The connected accounts, at least one. With one, the screen is that account's alone; with
   * several, the creator picks which ones get the video, and each gets its own settings.
   */
  accounts: readonly ComposerAccount[];
  /** The account picked when the screen opens (the active one); the first by default. */
  defaultAccount?: string | undefined;
  /** The operator's word on TikTok's audit of this app (sign-in config); undefined while loading. */
  appAudited?: boolean | undefined;
  /**
   * The upload engine's `enqueue` of the account; called, once per account that gets the video,
   * only after the creator pressed Post / Send draft.
   */
  onSubmit: (submission: ComposerSubmission, openId: string) => unknown;
};

type CreatorInfoQuery = UseQueryResult<CreatorInfo>;

/** Where one account stands before its settings can be shown. */
type AccountStatus =
  | { kind: 'loading' }
  | { kind: 'cannot-post'; error: Error }
  | { kind: 'failed'; error: Error | null }
  | { kind: 'ready'; creatorInfo: CreatorInfo | undefined; directReason: string | null; draftReason: string | null };

/**
 * The compose screen: fetches each account's CURRENT posting settings every time it opens
 * (docs/requirements/tiktok-rules.md#latest-creator-info), with that account's own token. With one
 * account it stops before any form when TikTok says the creator cannot post now
 * (docs/requirements/tiktok-rules.md#cannot-post-now); with several, such an account is shown as
 * not getting the video while the others go on. Right before a Direct Post leaves it asks TikTok
 * again, per account, so a choice made against settings that changed meanwhile is caught here
 * rather than refused by TikTok.
 */
export function Composer({ accounts, defaultAccount, appAudited, onSubmit }: ComposerProps) {
  useT();
  const queryClient = useQueryClient();
  // creator_info needs video.publish; without it there is nothing to ask, and drafts need none of it.
  const infos = useQueries({
    queries: accounts.map((account) => ({
      ...creatorInfoQueries.forCreator(account.openId, account.tokens),
      enabled: account.grantedScopes.includes('video.publish'),
    })),
  });
  const statuses = accounts.map((account, index) => statusOf(account, infos[index]));

  const only = accounts.length === 1 ? statuses[0] : undefined;
  if (only && only.kind !== 'ready') {
    const retry = () => void infos[0]?.refetch();
    if (only.kind === 'loading') return <LoadingCreatorInfo />;
    if (only.kind === 'cannot-post') return <CannotPostNotice error={only.error} onRetry={retry} />;
    return <CreatorInfoFailed error={only.error} onRetry={retry} />;
  }

  const targets = accounts.map((account, index): ComposeTarget => {
    const status = statuses[index] ?? { kind: 'loading' };
    const info = status.kind === 'ready' ? status.creatorInfo : undefined;
    const retry = () => void infos[index]?.refetch();
    return {
      id: account.openId,
      name:
        info?.nickname ?? account.displayName ?? (account.username ? `@${account.username}` : t('accounts.unnamed')),
      username: info?.username ?? account.username,
      avatarUrl: info?.avatarUrl,
      creatorInfo: info,
      unavailable:
        status.kind === 'ready'
          ? { direct: status.directReason, draft: status.draftReason }
          : { direct: null, draft: null },
      unauditedRestriction: account.unauditedRestriction ?? false,
      loading: status.kind === 'loading',
      stopped:
        status.kind === 'cannot-post'
          ? {
              reason: t('composer.cannotPost.title'),
              notice: <CannotPostNotice error={status.error} onRetry={retry} headingLevel={4} />,
            }
          : status.kind === 'failed'
            ? {
                reason: t('composer.settingsFailed'),
                notice: <CreatorInfoFailed error={status.error} onRetry={retry} headingLevel={4} />,
              }
            : undefined,
    };
  });

  async function submit(submission: ComposerSubmission, openId: string) {
    const account = accounts.find((candidate) => candidate.openId === openId);
    if (submission.mode === 'direct' && submission.post && account) {
      const fresh = await queryClient.fetchQuery(creatorInfoQueries.forCreator(account.openId, account.tokens));
      const changed = settingsNoLongerAllowed(submission.post, fresh);
      if (changed) throw new Error(changed);
    }
    return onSubmit(submission, openId);
  }

  return (
    <ComposerForm
      targets={targets}
      initialTargets={[defaultAccount ?? accounts[0]?.openId ?? '']}
      appAudited={appAudited}
      onSubmit={submit}
    />
  );
}

/** Only what was fetched since this screen opened counts (see the query's comment). */
function statusOf(account: ComposerAccount, creatorInfo: CreatorInfoQuery | undefined): AccountStatus {
  const canPublish = account.grantedScopes.includes('video.publish');
  const canUpload = account.grantedScopes.includes('video.upload');
  const draftReason = canUpload ? null : t('composer.noUploadScope');
  if (!canPublish) {
    return { kind: 'ready', creatorInfo: undefined, directReason: t('composer.noPublishScope'), draftReason };
  }
  // A cached answer, however recent, is not "the latest creator info" TikTok asks for, so it is
  // never shown while the new one loads.
  if (creatorInfo?.isFetchedAfterMount && creatorInfo.data) {
    return { kind: 'ready', creatorInfo: creatorInfo.data, directReason: null, draftReason };
  }
  if (!creatorInfo?.isFetchedAfterMount || creatorInfo.isFetching) return { kind: 'loading' };
  const { error } = creatorInfo;
  if (isApiError(error) && error.code === 'CREATOR_CANNOT_POST') return { kind: 'cannot-post', error };
  if (!(isApiError(error) && error.code === 'TIKTOK_SCOPE_MISSING') || !canUpload) return { kind: 'failed', error };
  // TikTok says the permission is missing after all: drafts may still work.
  return {
    kind: 'ready',
    creatorInfo: undefined,
    directReason: `${creatorMessage(error)} ${t('composer.draftsStillPossible')}`,
    draftReason,
  };
}

/** Checks a Direct Post against the creator info fetched right before it leaves. */
function settingsNoLongerAllowed(post: PostSettings, fresh: CreatorInfo): string | null {
  if (!fresh.privacyLevelOptions.includes(post.privacyLevel)) {
    return t('composer.audienceChanged');
  }
  const turnedOff = [
    post.allowComment && fresh.commentDisabled ? t('composer.turnedOff.comments') : null,
    post.allowDuet && fresh.duetDisabled ? t('composer.turnedOff.duets') : null,
    post.allowStitch && fresh.stitchDisabled ? t('composer.turnedOff.stitches') : null,
  ].filter((item) => item !== null);
  if (turnedOff.length > 0) return t('composer.settingsChanged', { list: formatList(turnedOff) });
  return null;
}

function LoadingCreatorInfo() {
  return (
    <output className="composer-loading">
      <Spinner />
      {t('composer.loadingSettings')}
    </output>
  );
}

type NoticeLevel = { headingLevel?: 2 | 4 };

function CannotPostNotice({ error, onRetry, headingLevel }: { error: Error; onRetry: () => void } & NoticeLevel) {
  return (
    <StopNotice
      title={t('composer.cannotPost.title')}
      alert={isApiError(error) ? creatorMessage(error) : error.message}
      retryLabel={t('composer.checkAgain')}
      onRetry={onRetry}
      headingLevel={headingLevel}
    >
      {t('composer.cannotPost.text')}
    </StopNotice>
  );
}

function CreatorInfoFailed({
  error,
  onRetry,
  headingLevel,
}: { error: Error | null; onRetry: () => void } & NoticeLevel) {
  const rateLimited = isApiError(error) && error.code === 'RATE_LIMITED';
  return (
    <StopNotice
      title={t('composer.settingsFailed')}
      alert={isApiError(error) ? creatorMessage(error) : error?.message || t('composer.askFailed')}
      retryLabel={t('composer.tryAgain')}
      onRetry={onRetry}
      headingLevel={headingLevel}
    >
      {rateLimited ? t('composer.rateLimited') : t('composer.settingsNeeded')}
    </StopNotice>
  );
}

/**
 * Composing cannot go on (for this account): what happened (announced), why, and a way to ask
 * TikTok again. A heading of its own on the screen, or under the account's heading with several.
 */
function StopNotice(props: {
  title: string;
  alert: string;
  retryLabel: string;
  onRetry: () => void;
  headingLevel?: 2 | 4 | undefined;
  children: ReactNode;
}) {
  useT();
  const titleId = useId();
  const Heading = props.headingLevel === 4 ? 'h4' : 'h2';
  return (
    <section className="composer-notice composer-notice--stop" aria-labelledby={titleId}>
      <Heading id={titleId} className="composer-notice__title">
        {props.title}
      </Heading>
      <p role="alert">{props.alert}</p>
      <p>{props.children}</p>
      {props.headingLevel === 4 ? <p>{t('accounts.compose.othersStillGet')}</p> : null}
      <div className="composer-notice__actions">
        <Button variant="secondary" onClick={props.onRetry}>
          {props.retryLabel}
        </Button>
      </div>
    </section>
  );
}
