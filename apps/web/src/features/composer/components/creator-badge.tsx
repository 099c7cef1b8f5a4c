import type { CreatorInfo, UploadMode } from '@content-studio/contract';
import { useState } from 'react';
import './creator-badge.css';

export type CreatorBadgeProps = {
  info: CreatorInfo;
  mode: UploadMode;
};

/**
 * Which TikTok account receives the post: TikTok's audit requires the creator's nickname on the
 * posting screen (api-spec §4.1a). The avatar is decorative here, the name is written out beside it.
 */
export function CreatorBadge({ info, mode }: CreatorBadgeProps) {
  const [avatarFailed, setAvatarFailed] = useState(false);
  return (
    <div className="creator-badge">
      {info.avatarUrl && !avatarFailed ? (
        <img
          className="creator-badge__avatar"
          src={info.avatarUrl}
          alt=""
          width={48}
          height={48}
          // TikTok's CDN has no business knowing which page shows the avatar.
          referrerPolicy="no-referrer"
          onError={() => setAvatarFailed(true)}
        />
      ) : (
        <span className="creator-badge__avatar creator-badge__avatar--initials" aria-hidden="true">
          {initials(info.nickname)}
        </span>
      )}
      <p className="creator-badge__text">
        <span className="creator-badge__label">{mode === 'draft' ? 'Sending to the TikTok inbox of' : 'Posting to'}</span>{' '}
        <strong className="creator-badge__name">{info.nickname}</strong>{' '}
        <span className="creator-badge__handle">@{info.username}</span>
      </p>
    </div>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}
