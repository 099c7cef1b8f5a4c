import { describe, expect, it } from 'vitest';
import { describeFailReason } from './fail-reasons';

describe('TikTok fail reasons in plain language', () => {
  it.each([
    ['file_format_check_failed', /format/],
    ['duration_check_failed', /longer/],
    ['frame_rate_check_failed', /23 to 60 frames/],
    ['picture_size_check_failed', /resolution/],
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

  it('says posting again may work only where TikTok says so', () => {
    expect(describeFailReason('internal')).toMatchObject({ canPostAgain: true });
    expect(describeFailReason('spam_risk_text')).toMatchObject({ canPostAgain: false });
    expect(describeFailReason('auth_removed')).toMatchObject({ canPostAgain: false });
  });

  it('treats new spam_risk_* variants like the known ones', () => {
    expect(describeFailReason('spam_risk_something_new')).toEqual({ message: 'TikTok declined this post as risky.', canPostAgain: false });
  });

  it('names an unknown reason rather than hiding it', () => {
    expect(describeFailReason('brand_new_reason').message).toContain('brand_new_reason');
    expect(describeFailReason(null).message).toMatch(/gave no reason/);
  });

  it('does not treat inherited object keys as reasons', () => {
    expect(describeFailReason('toString').message).toContain('toString');
  });
});
