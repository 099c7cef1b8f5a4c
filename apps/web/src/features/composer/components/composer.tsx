import type { CreatorInfo, PostSettings } from '@content-studio/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';
import { creatorMessage } from '@/lib/api-error-text';
import { formatList, t, useT } from '@/lib/i18n';
import { creatorInfoQueries } from '../api/creator-info-queries';
import type { ComposerSubmission } from '../composer-schema';
import { ComposerForm } from './composer-form';
import './composer-notices.css';

export type ComposerProps = {
  /** The connected creator; creator info is fetched (and keyed) for this account. */
  openId: string;
  /** The scopes TikTok granted: video.publish for Post now, video.upload for drafts. */
  grantedScopes: readonly string[];
  /** A previous post was refused with UNAUDITED_APP_RESTRICTION. */
  unauditedRestriction?: boolean;
  /** The operator's word on TikTok's audit of this app (sign-in config); undefined while loading. */
  appAudited?: boolean | undefined;
  /** The upload engine's `enqueue`; called only after the creator pressed Post / Send draft. */
  onSubmit: (submission: ComposerSubmission) => unknown;
};

/**
 * The compose screen: fetches the creator's CURRENT posting settings every time it opens
 * (docs/requirements/tiktok-rules.md#latest-creator-info), stops before any form when TikTok says the creator
 * cannot post now (docs/requirements/tiktok-rules.md#cannot-post-now), and
 * asks TikTok again right before a Direct Post leaves, so a choice made against settings that
 * changed meanwhile is caught here rather than refused by TikTok.
 */
export function Composer({ openId, grantedScopes, unauditedRestriction = false, appAudited, onSubmit }: ComposerProps) {
  useT();
  const canPublish = grantedScopes.includes('video.publish');
  const canUpload = grantedScopes.includes('video.upload');
  const queryClient = useQueryClient();
  // creator_info needs video.publish; without it there is nothing to ask, and drafts need none of it.
  const creatorInfo = useQuery({ ...creatorInfoQueries.forCreator(openId), enabled: canPublish });

  let directReason: string | null = canPublish ? null : t('composer.noPublishScope');
  // Only what was fetched since this screen opened counts: a cached answer, however recent, is not
  // "the latest creator info" TikTok asks for, so it is never shown while the new one loads.
  if (canPublish && !(creatorInfo.isFetchedAfterMount && creatorInfo.data)) {
    if (!creatorInfo.isFetchedAfterMount || creatorInfo.isFetching) return <LoadingCreatorInfo />;
    const { error } = creatorInfo;
    if (isApiError(error) && error.code === 'CREATOR_CANNOT_POST') {
      return <CannotPostNotice message={creatorMessage(error)} onRetry={() => void creatorInfo.refetch()} />;
    }
    if (!(isApiError(error) && error.code === 'TIKTOK_SCOPE_MISSING') || !canUpload) {
      return <CreatorInfoFailed error={error} onRetry={() => void creatorInfo.refetch()} />;
    }
    // TikTok says the permission is missing after all: drafts may still work.
    directReason = `${creatorMessage(error)} ${t('composer.draftsStillPossible')}`;
  }

  async function submit(submission: ComposerSubmission) {
    if (submission.mode === 'direct' && submission.post) {
      const fresh = await queryClient.fetchQuery(creatorInfoQueries.forCreator(openId));
      const changed = settingsNoLongerAllowed(submission.post, fresh);
      if (changed) throw new Error(changed);
    }
    return onSubmit(submission);
  }

  return (
    <ComposerForm
      creatorInfo={canPublish ? creatorInfo.data : undefined}
      unavailable={{ direct: directReason, draft: canUpload ? null : t('composer.noUploadScope') }}
      unauditedRestriction={unauditedRestriction}
      appAudited={appAudited}
      onSubmit={submit}
    />
  );
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

function CannotPostNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <StopNotice
      title={t('composer.cannotPost.title')}
      alert={message}
      retryLabel={t('composer.checkAgain')}
      onRetry={onRetry}
    >
      {t('composer.cannotPost.text')}
    </StopNotice>
  );
}

function CreatorInfoFailed({ error, onRetry }: { error: Error | null; onRetry: () => void }) {
  const rateLimited = isApiError(error) && error.code === 'RATE_LIMITED';
  return (
    <StopNotice
      title={t('composer.settingsFailed')}
      alert={isApiError(error) ? creatorMessage(error) : error?.message || t('composer.askFailed')}
      retryLabel={t('composer.tryAgain')}
      onRetry={onRetry}
    >
      {rateLimited ? t('composer.rateLimited') : t('composer.settingsNeeded')}
    </StopNotice>
  );
}

/** Composing cannot go on: what happened (announced), why, and a way to ask TikTok again. */
function StopNotice(props: {
  title: string;
  alert: string;
  retryLabel: string;
  onRetry: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="composer-notice composer-notice--stop" aria-labelledby={titleId}>
      <h2 id={titleId} className="composer-notice__title">
        {props.title}
      </h2>
      <p role="alert">{props.alert}</p>
      <p>{props.children}</p>
      <div className="composer-notice__actions">
        <Button variant="secondary" onClick={props.onRetry}>
          {props.retryLabel}
        </Button>
      </div>
    </section>
  );
}
