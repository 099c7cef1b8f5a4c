import { useState } from 'react';
import './profile-avatar.css';

export type ProfileAvatarProps = {
  /** TikTok's avatar URL; signed and short-lived, so it may stop loading. */
  url: string | undefined;
  name: string;
};

/** The creator's TikTok avatar, or their initials when there is none or it no longer loads. */
export function ProfileAvatar({ url, name }: ProfileAvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (url && url !== failedUrl) {
    return (
      <img
        className="profile-avatar"
        src={url}
        alt={name}
        width={40}
        height={40}
        // No Referer to TikTok's CDN: it has no business knowing which page shows the avatar.
        referrerPolicy="no-referrer"
        onError={() => setFailedUrl(url)}
      />
    );
  }
  // The name is always written out beside the avatar, so the initials are decoration.
  return (
    <span className="profile-avatar profile-avatar--initials" aria-hidden="true">
      {initials(name)}
    </span>
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
