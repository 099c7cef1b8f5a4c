export const KNOWN_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'user.info.stats',
  'video.list',
  'video.publish',
  'video.upload',
] as const;

export type Scope = (typeof KNOWN_SCOPES)[number];

/** Login Kit grants user.info.basic to every app and the user cannot untick it (TikTok's Scopes Overview). */
export const ALWAYS_GRANTED: Scope = 'user.info.basic';

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'user.info.basic': 'Read your profile info (avatar, display name)',
  'user.info.profile': 'Read your profile details (username, bio, verified badge)',
  'user.info.stats': 'Read your statistics (followers, likes, video count)',
  'video.list': 'Read your public videos',
  'video.publish': 'Post content directly to your TikTok profile',
  'video.upload': 'Send videos to your TikTok inbox as drafts',
};

export function isKnownScope(s: string): s is Scope {
  return (KNOWN_SCOPES as readonly string[]).includes(s);
}

/** TikTok takes a comma list; a raw comma and %2C both work because the query is decoded first. */
export function parseScopeList(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
