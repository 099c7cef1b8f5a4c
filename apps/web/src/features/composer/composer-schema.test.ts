import { PRIVACY_LEVELS } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { describe, expect, it } from 'vitest';
import { mockCreatorInfo, nicoCreatorInfo, piaCreatorInfo } from '@/mocks/handlers/creator-info';
import {
  BRANDED_CONTENT_NOT_PRIVATE,
  DISCLOSURE_NEEDS_CHOICE,
  EMPTY_FIELDS,
  LABEL_PAID_PARTNERSHIP,
  LABEL_PROMOTIONAL,
  captionTooLong,
  disclosureIncomplete,
  disclosureLabel,
  looksUnaudited,
  PRIVACY_LABELS,
  prescribed,
  privacyLabel,
  PROCESSING_NOTICE,
  toPostSettings,
  tokenizeCaption,
} from './composer-schema';

describe('composer rules', () => {
  it('starts with nothing chosen, nothing allowed and nothing disclosed', () => {
    expect(EMPTY_FIELDS).toMatchObject({
      privacyLevel: '',
      allowComment: false,
      allowDuet: false,
      allowStitch: false,
      disclose: false,
      brandOrganic: false,
      brandedContent: false,
      isAigc: false,
    });
  });

  it.each([
    [{ brandOrganic: true, brandedContent: false }, LABEL_PROMOTIONAL],
    [{ brandOrganic: false, brandedContent: true }, LABEL_PAID_PARTNERSHIP],
    [{ brandOrganic: true, brandedContent: true }, LABEL_PAID_PARTNERSHIP],
    [{ brandOrganic: false, brandedContent: false }, null],
  ])('labels a disclosure of %o as %s', (ticks, label) => {
    expect(disclosureLabel({ disclose: true, ...ticks })).toBe(label);
  });

  it('needs a tick only while the disclosure is on', () => {
    expect(disclosureIncomplete({ disclose: true, brandOrganic: false, brandedContent: false })).toBe(true);
    expect(disclosureIncomplete({ disclose: false, brandOrganic: false, brandedContent: false })).toBe(false);
  });

  it('measures captions in UTF-16 code units, as TikTok does (an emoji is 2)', () => {
    expect(captionTooLong('a'.repeat(2200))).toBe(false);
    expect(captionTooLong(`${'a'.repeat(2199)}😀`)).toBe(true);
  });

  it('sends the contract PostSettings with every interaction off by default', () => {
    expect(toPostSettings({ ...EMPTY_FIELDS, privacyLevel: 'SELF_ONLY' }, mockCreatorInfo)).toStrictEqual(
      postSettings(),
    );
  });

  it('never sends an interaction as allowed that the creator turned off in TikTok', () => {
    const all = {
      ...EMPTY_FIELDS,
      privacyLevel: 'MUTUAL_FOLLOW_FRIENDS' as const,
      allowComment: true,
      allowDuet: true,
      allowStitch: true,
    };
    expect(toPostSettings(all, nicoCreatorInfo)).toMatchObject({
      allowComment: false,
      allowDuet: true,
      allowStitch: true,
    });
    expect(toPostSettings(all, piaCreatorInfo)).toMatchObject({
      allowComment: true,
      allowDuet: false,
      allowStitch: false,
    });
  });

  it('drops brand ticks hidden behind a switched-off disclosure', () => {
    const fields = {
      ...EMPTY_FIELDS,
      privacyLevel: 'PUBLIC_TO_EVERYONE' as const,
      brandOrganic: true,
      brandedContent: true,
    };
    expect(toPostSettings(fields, mockCreatorInfo)).toMatchObject({ brandOrganic: false, brandedContent: false });
  });

  it('refuses branded content that is private (the contract says so too)', () => {
    const fields = { ...EMPTY_FIELDS, privacyLevel: 'SELF_ONLY' as const, disclose: true, brandedContent: true };
    expect(() => toPostSettings(fields, mockCreatorInfo)).toThrow(/cannot be set to private/);
  });

  it('recognises an unaudited app by an "Only me"-only option list', () => {
    expect(looksUnaudited({ ...piaCreatorInfo, privacyLevelOptions: ['SELF_ONLY'] })).toBe(true);
    expect(looksUnaudited(piaCreatorInfo)).toBe(false);
  });

  it('finds hashtags and mentions after whitespace, not inside addresses', () => {
    const tokens = tokenizeCaption('Launch #day_1 with @ava.creates! mail me@example.com #🚀x');
    expect(tokens.filter((token) => token.kind !== 'text')).toEqual([
      { kind: 'hashtag', text: '#day_1' },
      { kind: 'mention', text: '@ava.creates' },
    ]);
    expect(tokens.map((token) => token.text).join('')).toBe(
      'Launch #day_1 with @ava.creates! mail me@example.com #🚀x',
    );
  });
});

describe("TikTok's prescribed English", () => {
  it('is exactly what the English catalog says on screen', () => {
    expect({
      disclosureNeedsChoice: prescribed.disclosureNeedsChoice(),
      brandedContentNotPrivate: prescribed.brandedContentNotPrivate(),
      processingNotice: prescribed.processingNotice(),
      promotional: disclosureLabel({ disclose: true, brandOrganic: true, brandedContent: false }),
      paidPartnership: disclosureLabel({ disclose: true, brandOrganic: false, brandedContent: true }),
      privacy: PRIVACY_LEVELS.map(privacyLabel),
    }).toEqual({
      disclosureNeedsChoice: DISCLOSURE_NEEDS_CHOICE,
      brandedContentNotPrivate: BRANDED_CONTENT_NOT_PRIVATE,
      processingNotice: PROCESSING_NOTICE,
      promotional: LABEL_PROMOTIONAL,
      paidPartnership: LABEL_PAID_PARTNERSHIP,
      privacy: PRIVACY_LEVELS.map((level) => PRIVACY_LABELS[level]),
    });
  });
});
