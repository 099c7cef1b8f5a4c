import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS, avatarSvg, initials, interactionSettings, privacyLevelOptions } from './accounts';

describe('DEFAULT_ACCOUNTS', () => {
  it('has the accounts other workspaces sign in as, with stable ids', () => {
    const byShort = Object.fromEntries(DEFAULT_ACCOUNTS.map((a) => [a.openId.replace('sb-open-', ''), a]));
    expect(Object.keys(byShort)).toEqual(expect.arrayContaining(['ava', 'pia', 'nico', 'cap', 'ben']));
    expect(byShort.ava).toMatchObject({
      displayName: 'Ava Public',
      username: 'ava.creates',
      isPrivate: false,
      maxVideoPostDurationSec: 600,
    });
    expect(byShort.pia).toMatchObject({
      displayName: 'Pia Private',
      isPrivate: true,
      duetDisabled: true,
      stitchDisabled: true,
      maxVideoPostDurationSec: 300,
    });
    expect(byShort.nico).toMatchObject({
      displayName: 'Nico NoComments',
      isPrivate: false,
      commentDisabled: true,
      maxVideoPostDurationSec: 60,
    });
    expect(byShort.cap).toMatchObject({ displayName: 'Casey Capped', isPrivate: false, postsLast24h: 15 });
    expect(byShort.ben).toMatchObject({ displayName: 'Ben Banned', banned: true });
    for (const a of DEFAULT_ACCOUNTS) expect(a.unionId).toBe(a.openId.replace('sb-open-', 'sb-union-'));
  });

  it('is frozen so one test cannot change the accounts of the next sandbox', () => {
    expect(Object.isFrozen(DEFAULT_ACCOUNTS)).toBe(true);
    expect(DEFAULT_ACCOUNTS.every((a) => Object.isFrozen(a))).toBe(true);
  });
});

describe('account helpers', () => {
  it("derives privacy options from account privacy (TikTok's Query Creator Info page)", () => {
    const [ava, pia] = DEFAULT_ACCOUNTS;
    expect(privacyLevelOptions(ava!)).toEqual(['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']);
    expect(privacyLevelOptions(pia!)).toEqual(['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']);
  });

  it('reports duet and stitch disabled for any private account', () => {
    const priv = { ...DEFAULT_ACCOUNTS[0]!, isPrivate: true, duetDisabled: false, stitchDisabled: false };
    expect(interactionSettings(priv)).toEqual({ comment: false, duet: true, stitch: true });
  });

  it('makes initials and an escaped SVG', () => {
    expect(initials('Ava Public')).toBe('AP');
    expect(initials('  ')).toBe('?');
    const svg = avatarSvg({ ...DEFAULT_ACCOUNTS[0]!, displayName: '<Evil> & Co' }, 64);
    expect(svg).toContain('width="64"');
    expect(svg).not.toContain('<Evil>');
  });
});
