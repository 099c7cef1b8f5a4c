import { useState } from 'react';
import './avatar.css';

export type AvatarProps = {
  /** TikTok's avatar URL; signed and short-lived, so it may stop loading. */
  url: string | undefined;
  name: string;
  size?: 'sm' | 'md' | 'lg';
  /** Empty alt when the name is written out beside the avatar. */
  decorative?: boolean;
  /**
   * Called once when `url` fails to load (TikTok's links expire), so the owner can ask TikTok for a
   * fresh one; initials show meanwhile, and for good if the fresh link fails too.
   */
  onStale?: () => void;
  className?: string;
};

/** A creator's TikTok avatar, or their initials when there is none or it no longer loads. */
export function Avatar({ url, name, size = 'md', decorative = false, className = '', onStale }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const pixels = { sm: 32, md: 40, lg: 48 }[size];
  const classes = `avatar avatar--${size} ${className}`.trim();
  if (url && url !== failedUrl) {
    return (
      <img
        className={classes}
        src={url}
        alt={decorative ? '' : name}
        width={pixels}
        height={pixels}
        // No Referer to TikTok's CDN: it has no business knowing which page shows the avatar.
        referrerPolicy="no-referrer"
        onError={() => {
          setFailedUrl(url);
          onStale?.();
        }}
      />
    );
  }
  // Wherever an avatar appears the name is written out beside it, so initials are decoration.
  return (
    <span className={`${classes} avatar--initials`} aria-hidden="true">
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
