import { errors as undiciErrors } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyNetworkFailure, scrubTikTokText } from './tiktok-errors';

describe('classifyNetworkFailure', () => {
  it.each([
    [new undiciErrors.HeadersTimeoutError(), 'timeout'],
    [new undiciErrors.BodyTimeoutError(), 'timeout'],
    [new undiciErrors.ConnectTimeoutError(), 'timeout'],
    [new undiciErrors.SocketError('other side closed'), 'connection'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'connection'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }), 'connection'],
    [new undiciErrors.RequestContentLengthMismatchError(), 'length-mismatch'],
    [new undiciErrors.RequestAbortedError(), 'aborted'],
  ])('raw undici error %s → %s', (err, failure) => {
    expect(classifyNetworkFailure(err)).toBe(failure);
  });

  it('leaves anything else unclassified (a bug, rethrown as it is)', () => {
    expect(classifyNetworkFailure(new TypeError('bug'))).toBeUndefined();
    expect(classifyNetworkFailure('a string')).toBeUndefined();
  });
});

describe('scrubTikTokText', () => {
  it('removes the call’s secrets, URLs and token-looking parameters, and caps the length', () => {
    const text = scrubTikTokText(
      'token act.SECRET123 bad; see https://open-upload.tiktokapis.com/video/?upload_token=abc and code=XYZ',
      ['act.SECRET123'],
    );
    expect(text).toBe('token [redacted] bad; see [url] and code=[redacted]');
    expect(scrubTikTokText('x'.repeat(1000), []).length).toBeLessThanOrEqual(301);
    expect(scrubTikTokText(undefined, [])).toBe('');
  });
});
