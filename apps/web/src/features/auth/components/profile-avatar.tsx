import { useRef } from 'react';
import { Avatar } from '@/components/ui/avatar';

export type ProfileAvatarProps = {
  url: string | undefined;
  name: string;
  /** Fetches the profile again, for a fresh avatar link. */
  refresh: () => unknown;
};

/** A fresh link is asked for at most this often, so a broken avatar cannot turn into a request loop. */
const REFRESH_GAP_MS = 60_000;

/**
 * The connected account's avatar in the studio header; its alt text names the account. TikTok's
 * avatar links are signed and expire, so a link that stops loading is replaced by asking again.
 */
export function ProfileAvatar({ url, name, refresh }: ProfileAvatarProps) {
  const lastRefresh = useRef(0);
  return (
    <Avatar
      url={url}
      name={name}
      onStale={() => {
        if (Date.now() - lastRefresh.current < REFRESH_GAP_MS) return;
        lastRefresh.current = Date.now();
        void refresh();
      }}
    />
  );
}
