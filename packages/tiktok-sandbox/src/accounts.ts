/** A TikTok user the sandbox can sign in as. Field meanings follow TikTok's Query Creator Info page. */
export interface SandboxAccount {
  openId: string;
  unionId: string;
  username: string;
  displayName: string;
  isPrivate: boolean;
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  banned: boolean;
  /** Posts made through any API client in the last 24 h before the sandbox started (spec: the cap is shared). */
  postsLast24h: number;
  /** Inbox shares already pending before the sandbox started. */
  pendingDrafts?: number;
  /** false = not a Target User of the sandbox app: authorizing as this account yields `non_sandbox_target`. */
  sandboxTargetUser?: boolean;
  bioDescription?: string;
  isVerified?: boolean;
  followerCount?: number;
  followingCount?: number;
  likesCount?: number;
  videoCount?: number;
}

export type PrivacyLevel = 'PUBLIC_TO_EVERYONE' | 'MUTUAL_FOLLOW_FRIENDS' | 'FOLLOWER_OF_CREATOR' | 'SELF_ONLY';

function freezeAll(accounts: SandboxAccount[]): SandboxAccount[] {
  for (const a of accounts) Object.freeze(a);
  return Object.freeze(accounts) as SandboxAccount[];
}

function account(
  short: string,
  displayName: string,
  username: string,
  traits: Partial<SandboxAccount>,
): SandboxAccount {
  return {
    openId: `sb-open-${short}`,
    unionId: `sb-union-${short}`,
    username,
    displayName,
    isPrivate: false,
    commentDisabled: false,
    duetDisabled: false,
    stitchDisabled: false,
    maxVideoPostDurationSec: 180,
    banned: false,
    postsLast24h: 0,
    pendingDrafts: 0,
    ...traits,
  };
}

/**
 * Other workspaces' tests sign in as these by name, so their ids and traits are part of the API.
 * `ben` is private so that, with the default unaudited app, init reaches the ban check instead of
 * stopping at the public-account rule. Frozen (array and accounts): every sandbox in a process
 * starts from these, so a test that mutated them would leak into the next one.
 */
export const DEFAULT_ACCOUNTS: SandboxAccount[] = freezeAll([
  account('ava', 'Ava Public', 'ava.creates', {
    maxVideoPostDurationSec: 600,
    bioDescription: 'Short films about long walks.',
    isVerified: true,
    followerCount: 15230,
    followingCount: 180,
    likesCount: 402113,
    videoCount: 87,
  }),
  account('pia', 'Pia Private', 'pia.private', {
    isPrivate: true,
    duetDisabled: true,
    stitchDisabled: true,
    maxVideoPostDurationSec: 300,
  }),
  account('nico', 'Nico NoComments', 'nico.nocomments', { commentDisabled: true, maxVideoPostDurationSec: 60 }),
  account('cap', 'Casey Capped', 'casey.capped', { postsLast24h: 15 }),
  account('ben', 'Ben Banned', 'ben.banned', { isPrivate: true, banned: true }),
  account('olga', 'Olga Outsider', 'olga.outsider', { isPrivate: true, sandboxTargetUser: false }),
]);

/** TikTok's Query Creator Info page: the options depend only on whether the account is private. */
export function privacyLevelOptions(a: SandboxAccount): PrivacyLevel[] {
  return a.isPrivate
    ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
    : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'];
}

/** TikTok's Query Creator Info page: duet and stitch are reported disabled for every private account. */
export function interactionSettings(a: SandboxAccount): { comment: boolean; duet: boolean; stitch: boolean } {
  return { comment: a.commentDisabled, duet: a.isPrivate || a.duetDisabled, stitch: a.isPrivate || a.stitchDisabled };
}

export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

const AVATAR_COLOURS = ['#25F4EE', '#FE2C55', '#7B61FF', '#00A86B', '#FF8C00', '#1E90FF'];

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A generated avatar, served by the sandbox itself: browser tests fail on any request that leaves
 * 127.0.0.1, so avatar_url must never point at a CDN.
 */
export function avatarSvg(a: SandboxAccount, size: number, options: { decorative?: boolean } = {}): string {
  let hash = 0;
  for (const ch of a.openId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const colour = AVATAR_COLOURS[hash % AVATAR_COLOURS.length] ?? '#25F4EE';
  const text = escapeXml(initials(a.displayName));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100" ${options.decorative ? 'aria-hidden="true"' : `role="img" aria-label="${escapeXml(a.displayName)}"`}>` +
    `<circle cx="50" cy="50" r="50" fill="${colour}"/>` +
    `<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="40" font-weight="700" fill="#111">${text}</text>` +
    `</svg>`
  );
}
