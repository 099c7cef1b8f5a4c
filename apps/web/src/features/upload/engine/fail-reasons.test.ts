import { describe, expect, it } from 'vitest';
import { describeFailReason } from './fail-reasons';

describe('TikTok fail reasons in plain language', () => {
  it.each([
    [
      'file_format_check_failed',
      /couldn't read this video: .* MP4, MOV or WebM .* H\.264, H\.265, VP8 or VP9\. Export it again as MP4/,
    ],
    ['duration_check_failed', /longer than TikTok allows .* cut it to your limit/],
    ['frame_rate_check_failed', /23 to 60 frames per second\. Export the video again at 24, 25, 30 or 60/],
    ['picture_size_check_failed', /each side must be 360 to 4096 pixels\. Export it again at 720p or 1080p/],
    ['video_pull_failed', /fetch the video/],
    ['publish_cancelled', /cancelled/],
    ['auth_removed', /access .* was removed/],
    ['spam_risk_too_many_posts', /daily limit/],
    ['spam_risk_user_banned_from_posting', /doesn't allow this account/],
    ['spam_risk_text', /caption/],
    ['spam_risk', /risky/],
  ])('%s', (reason, text) => {
    expect(describeFailReason(reason).message).toMatch(text);
  });

  it('gives each media check its own words', () => {
    const reasons = [
      'file_format_check_failed',
      'duration_check_failed',
      'frame_rate_check_failed',
      'picture_size_check_failed',
    ];
    expect(new Set(reasons.map((reason) => describeFailReason(reason).message)).size).toBe(reasons.length);
    for (const reason of reasons) expect(describeFailReason(reason).canPostAgain).toBe(false);
  });

  it('says posting again may work only where TikTok says so', () => {
    expect(describeFailReason('internal')).toMatchObject({ canPostAgain: true });
    expect(describeFailReason('spam_risk_text')).toMatchObject({ canPostAgain: false });
    expect(describeFailReason('auth_removed')).toMatchObject({ canPostAgain: false });
  });

  it('treats new spam_risk_* variants like the known ones', () => {
    expect(describeFailReason('spam_risk_something_new')).toEqual({
      message: 'TikTok declined this post as risky.',
      canPostAgain: false,
    });
  });

  it('names an unknown reason rather than hiding it', () => {
    expect(describeFailReason('brand_new_reason').message).toContain('brand_new_reason');
    expect(describeFailReason(null).message).toMatch(/gave no reason/);
  });

  it('does not treat inherited object keys as reasons', () => {
    expect(describeFailReason('toString').message).toContain('toString');
  });
});
