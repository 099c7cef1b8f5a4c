import { describe, expect, it } from 'vitest';
import { PostSettingsSchema } from './posting';
import { postSettings } from './testing';

describe('postSettings', () => {
  it('defaults to TikTok’s required unchecked state and "Only me"', () => {
    expect(postSettings()).toStrictEqual({
      title: '',
      privacyLevel: 'SELF_ONLY',
      allowComment: false,
      allowDuet: false,
      allowStitch: false,
      brandOrganic: false,
      brandedContent: false,
      isAigc: false,
    });
  });

  it('takes the fields a test is about, and stays valid', () => {
    const post = postSettings({ title: 'Hi', privacyLevel: 'PUBLIC_TO_EVERYONE', allowComment: true });
    expect(post).toMatchObject({
      title: 'Hi',
      privacyLevel: 'PUBLIC_TO_EVERYONE',
      allowComment: true,
      allowDuet: false,
    });
    expect(PostSettingsSchema.safeParse(post).success).toBe(true);
  });

  it('refuses to build settings the contract refuses', () => {
    expect(() => postSettings({ brandedContent: true })).toThrow(/Branded content visibility cannot be set to private/);
  });
});
