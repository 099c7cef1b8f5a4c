import { describe, expect, it } from 'vitest';
import {
  InitUploadDataSchema,
  PublishStatusDataSchema,
  parseJsonText,
  quotePublicPostIds,
  toTokenGrant,
  unwrapV2Envelope,
} from './responses';
import { TikTokApiError, TikTokOAuthError, TikTokProtocolError } from './tiktok-errors';

function parseStatus(raw: string) {
  const json = parseJsonText(quotePublicPostIds(raw), 200) as { data: unknown };
  return PublishStatusDataSchema.parse(json.data);
}

describe('quotePublicPostIds', () => {
  it.each([
    ['[7412345678901234567]', ['7412345678901234567']],
    ['[ 7412345678901234567 ,\n 9223372036854775807 ]', ['7412345678901234567', '9223372036854775807']],
    ['[]', []],
    ['[ ]', []],
    ['["7412345678901234567"]', ['7412345678901234567']], // already strings: left alone
    ['[1]', ['1']],
  ])('keeps %s exact', (array, expected) => {
    const raw = `{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":${array}},"error":{"code":"ok"}}`;
    expect(parseStatus(raw).publicaly_available_post_id).toEqual(expected);
  });

  it('leaves other numbers, and other keys, untouched', () => {
    const raw =
      '{"data":{"uploaded_bytes":50000123,"publicaly_available_post_id":[7412345678901234567],"other":[7412345678901234567]}}';
    const quoted = JSON.parse(quotePublicPostIds(raw)) as { data: Record<string, unknown> };
    expect(quoted.data.uploaded_bytes).toBe(50_000_123);
    expect(quoted.data.publicaly_available_post_id).toEqual(['7412345678901234567']);
    expect(quoted.data.other).toEqual((JSON.parse(raw) as { data: Record<string, unknown> }).data.other);
    expect(typeof (quoted.data.other as unknown[])[0]).toBe('number');
  });

  it('does not rewrite the key when it only appears inside a string', () => {
    const raw = '{"error":{"message":"bad \\"publicaly_available_post_id\\":[123]"}}';
    expect(quotePublicPostIds(raw)).toBe(raw);
  });

  it('leaves non-integers for the schema to refuse', () => {
    const raw = '{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[7.4e18]}}';
    expect(() => parseStatus(raw)).toThrow();
  });
});

describe('unwrapV2Envelope', () => {
  it('returns data on ok, whatever the HTTP status', () => {
    expect(unwrapV2Envelope({ data: { a: 1 }, error: { code: 'ok', message: '', log_id: 'L' } }, 500, [])).toEqual({
      a: 1,
    });
  });

  it('throws TikTokApiError on any other code, even with HTTP 200, and scrubs the message', () => {
    let thrown: unknown;
    try {
      unwrapV2Envelope({ error: { code: 'reached_active_user_cap', message: 'cap for act.tok', log_id: 'L' } }, 200, [
        'act.tok',
      ]);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(TikTokApiError);
    expect(thrown).toMatchObject({
      code: 'reached_active_user_cap',
      httpStatus: 200,
      logId: 'L',
      tiktokMessage: 'cap for [redacted]',
    });
  });

  it('throws a protocol error without an error object', () => {
    expect(() => unwrapV2Envelope({ data: {} }, 200, [])).toThrow(TikTokProtocolError);
    expect(() => unwrapV2Envelope('ok', 200, [])).toThrow(TikTokProtocolError);
  });
});

describe('toTokenGrant', () => {
  const token = {
    access_token: 'act.a',
    expires_in: 86_400,
    open_id: 'o',
    refresh_token: 'rft.r',
    refresh_expires_in: 31_536_000,
    scope: 'user.info.basic, video.publish video.upload',
    token_type: 'Bearer',
  };

  it('splits scopes on commas and spaces and keeps TikTok’s lifetimes', () => {
    expect(toTokenGrant(token, 'exchange', 200, [])).toMatchObject({
      scopes: ['user.info.basic', 'video.publish', 'video.upload'],
      expiresIn: 86_400,
      refreshExpiresIn: 31_536_000,
    });
  });

  it('ignores an empty error string but not a real one', () => {
    expect(toTokenGrant({ ...token, error: '' }, 'refresh', 200, []).accessToken).toBe('act.a');
    expect(() => toTokenGrant({ error: 'invalid_grant' }, 'refresh', 200, [])).toThrow(TikTokOAuthError);
  });
});

describe('parseJsonText', () => {
  it.each(['', '   ', '<html>', '{"a":'])('refuses %j as a protocol error', (text) => {
    expect(() => parseJsonText(text, 502)).toThrow(TikTokProtocolError);
  });
});

describe('InitUploadDataSchema', () => {
  const answer = (publishId: string) => ({ publish_id: publishId, upload_url: 'https://upload.example/v' });

  it('takes the publish ids TikTok documents', () => {
    expect(InitUploadDataSchema.safeParse(answer('v_pub_file~v2-1.123456789')).success).toBe(true);
    expect(InitUploadDataSchema.safeParse(answer('v_inbox_file~v2.123456789')).success).toBe(true);
  });

  it('refuses an id the SPA could never address: too long, or with characters outside the pattern', () => {
    expect(InitUploadDataSchema.safeParse(answer(`v_pub_file~v2-1.${'9'.repeat(60)}`)).success).toBe(false);
    expect(InitUploadDataSchema.safeParse(answer('v_pub_file/../x')).success).toBe(false);
  });
});
