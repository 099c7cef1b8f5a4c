import type { CreatorInfo, UploadMode } from '@content-studio/contract';
import { Avatar } from '@/components/ui/avatar';
import { useT } from '@/lib/i18n';
import './creator-badge.css';

export type CreatorBadgeProps = {
  info: CreatorInfo;
  mode: UploadMode;
};

/**
 * Which TikTok account receives the post: TikTok's audit requires the creator's nickname on the
 * posting screen (TikTok's Content Sharing Guidelines). The avatar is decorative here, the name is written out beside it.
 */
export function CreatorBadge({ info, mode }: CreatorBadgeProps) {
  const t = useT();
  return (
    <div className="creator-badge">
      <Avatar url={info.avatarUrl} name={info.nickname} size="lg" decorative className="creator-badge__avatar" />
      <p className="creator-badge__text">
        <span className="creator-badge__label">
          {mode === 'draft' ? t('composer.sendingTo') : t('composer.postingTo')}
        </span>{' '}
        <strong className="creator-badge__name">{info.nickname}</strong>{' '}
        <span className="creator-badge__handle">@{info.username}</span>
      </p>
    </div>
  );
}
