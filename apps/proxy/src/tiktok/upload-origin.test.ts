import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_UPLOAD_ORIGINS,
  KNOWN_UPLOAD_HOSTS,
  UploadUrlNotAllowedError,
  assertUploadUrlAllowed,
  compileUploadOrigins,
  type UploadUrlRejection,
} from './upload-origin';

const Q = '/video/?upload_id=67890&upload_token=Xza123';
const SANDBOX = 'http://127.0.0.1:4010';
const ALLOWED = compileUploadOrigins([
  ...DEFAULT_UPLOAD_ORIGINS,
  SANDBOX,
  'http://[::1]:4011',
  'http://localhost:4012',
]);

function rejection(
  url: string,
  allowed: readonly string[] | ((url: URL) => boolean) = ALLOWED,
): UploadUrlRejection | 'accepted' {
  try {
    assertUploadUrlAllowed(url, typeof allowed === 'function' ? allowed : compileUploadOrigins(allowed));
    return 'accepted';
  } catch (err) {
    if (err instanceof UploadUrlNotAllowedError) return err.reason;
    throw err;
  }
}

describe('assertUploadUrlAllowed', () => {
  it.each(KNOWN_UPLOAD_HOSTS)('accepts TikTok’s upload host %s with the default allowlist alone', (host) => {
    expect(rejection(`https://${host}${Q}`, DEFAULT_UPLOAD_ORIGINS)).toBe('accepted');
  });

  it('covers the host shapes seen so far: open-upload, open-upload-<region>, upload.us and open-upload.us', () => {
    for (const host of [
      'open-upload',
      'open-upload-va',
      'open-upload-i18n',
      'open-upload-sg',
      'upload.us',
      'open-upload.us',
    ]) {
      expect(KNOWN_UPLOAD_HOSTS).toContain(`${host}.tiktokapis.com`);
    }
  });

  it.each([
    `https://open-upload.us.tiktokapis.com${Q}`,
    `https://open-upload-i18n.tiktokapis.com${Q}`,
    `https://open-upload.tiktokapis.com${Q}`,
    `https://upload.us.tiktokapis.com${Q}`,
    `https://open-upload-va.tiktokapis.com${Q}`,
    `https://open-upload-i18n-sg1.tiktokapis.com${Q}`,
    `HTTPS://OPEN-UPLOAD.TIKTOKAPIS.COM${Q}`,
    `${SANDBOX}/upload${Q}`,
    `http://[::1]:4011${Q}`,
    `http://localhost:4012${Q}`,
    `http://LOCALHOST:4012${Q}`,
  ])('accepts %s', (url) => {
    expect(rejection(url)).toBe('accepted');
    expect(assertUploadUrlAllowed(url, ALLOWED).search).toContain('upload_token=');
  });

  it.each<[string, UploadUrlRejection]>([
    // scheme
    [`http://open-upload.tiktokapis.com${Q}`, 'insecure-scheme'],
    [`ftp://open-upload.tiktokapis.com${Q}`, 'insecure-scheme'],
    [`file:///etc/passwd`, 'insecure-scheme'],
    [`javascript:alert(1)`, 'malformed'],
    [`data:text/plain,hi`, 'malformed'],
    // look-alike hosts
    [`https://open-upload.tiktokapis.com.evil.com${Q}`, 'origin-not-allowed'],
    [`https://tiktokapis.com.evil.example${Q}`, 'origin-not-allowed'],
    [`https://evil-tiktokapis.com${Q}`, 'origin-not-allowed'],
    [`https://open-upload.evil-tiktokapis.com${Q}`, 'origin-not-allowed'],
    [`https://open-upload.tiktokapis.co${Q}`, 'origin-not-allowed'],
    [`https://open-upload.tiktokapis.com.${Q}`, 'non-canonical-host'],
    [`https://tiktokapis.com${Q}`, 'origin-not-allowed'],
    [`https://.tiktokapis.com${Q}`, 'origin-not-allowed'],
    [`https://-x.tiktokapis.com${Q}`, 'origin-not-allowed'],
    [`https://open-upload-va.tiktokapis.com.evil.com${Q}`, 'origin-not-allowed'],
    [`https://open-upload.tiktokapis.com@evil.example${Q}`, 'userinfo'],
    [`https://user@open-upload.us.tiktokapis.com${Q}`, 'userinfo'],
    [`http://open-upload.us.tiktokapis.com${Q}`, 'insecure-scheme'],
    [`https://1.2.3.4${Q}`, 'origin-not-allowed'],
    [`https://[2001:db8::1]${Q}`, 'origin-not-allowed'],
    [`https://open-upload.us.tiktokapis.com:8443${Q}`, 'origin-not-allowed'],
    // trailing dot, odd and explicit ports
    [`https://open-upload.tiktokapis.com.${Q}`, 'non-canonical-host'],
    [`https://open-upload.tiktokapis.com:8443${Q}`, 'origin-not-allowed'],
    [`https://open-upload.tiktokapis.com:443${Q}`, 'non-canonical-host'],
    [`https://open-upload-va.tiktokapis.com:8443${Q}`, 'origin-not-allowed'],
    [`http://127.0.0.1:4011${Q}`, 'origin-not-allowed'],
    [`http://127.0.0.1${Q}`, 'origin-not-allowed'],
    // userinfo tricks
    [`https://open-upload.tiktokapis.com@evil.com${Q}`, 'userinfo'],
    [`https://user:pass@open-upload.tiktokapis.com${Q}`, 'userinfo'],
    [`https://@open-upload.tiktokapis.com${Q}`, 'userinfo'],
    [`https://evil.com%40open-upload.tiktokapis.com${Q}`, 'malformed'],
    [`https://evil.com\\@open-upload.tiktokapis.com${Q}`, 'malformed'],
    // IP-literal spellings of the allowed loopback sandbox origin
    ['http://2130706433:4010/upload', 'non-canonical-host'],
    ['http://127.1:4010/upload', 'non-canonical-host'],
    ['http://0x7f.0.0.1:4010/upload', 'non-canonical-host'],
    ['http://0177.0.0.1:4010/upload', 'non-canonical-host'],
    ['http://127.000.000.001:4010/upload', 'non-canonical-host'],
    ['http://[::ffff:127.0.0.1]:4010/upload', 'insecure-scheme'],
    ['http://[0:0:0:0:0:0:0:1]:4011/upload', 'non-canonical-host'],
    ['http://localhost.:4012/upload', 'insecure-scheme'],
    ['https://localhost.:4012/upload', 'non-canonical-host'],
    // other IPs and private hosts
    ['http://169.254.169.254/latest/meta-data/', 'insecure-scheme'],
    ['https://169.254.169.254/latest/meta-data/', 'origin-not-allowed'],
    ['http://10.0.0.1:4010/upload', 'insecure-scheme'],
    // encoded, unicode and whitespace hosts
    [`https://open-upload.tiktokapis%2ecom${Q}`, 'non-canonical-host'],
    [`https://open-uploaｄ.tiktokapis.com${Q}`, 'non-canonical-host'],
    [`https://open-upload.tiktokapis.com\t.evil.com${Q}`, 'malformed'],
    [` https://open-upload.tiktokapis.com${Q}`, 'malformed'],
    [`https://open-upload.tiktokapis.com${Q}\n`, 'malformed'],
    // not URLs at all
    ['', 'malformed'],
    ['/video/?upload_token=x', 'malformed'],
    ['//open-upload.tiktokapis.com/video/', 'malformed'],
    ['https://', 'malformed'],
  ])('refuses %s (%s)', (url, expected) => {
    expect(rejection(url)).toBe(expected);
  });

  it('refuses URLs far longer than TikTok’s documented 256 characters', () => {
    expect(rejection(`https://open-upload.tiktokapis.com/${'a'.repeat(3000)}`)).toBe('malformed');
  });

  it('never puts the URL into the error message (it carries the upload token)', () => {
    const url = `https://evil.example/video/?upload_token=SECRET-TOKEN-123`;
    let message = '';
    try {
      assertUploadUrlAllowed(url, ALLOWED);
    } catch (err) {
      message = `${String(err)} ${inspect(err)}`;
    }
    expect(message).toContain('origin-not-allowed');
    expect(message).not.toContain('SECRET-TOKEN-123');
    expect(message).not.toContain('evil.example');
  });

  it('keeps a narrower operator list narrow: one-label patterns never cross a dot', () => {
    const narrow = ['https://open-upload.tiktokapis.com', 'https://open-upload-*.tiktokapis.com'];
    expect(rejection(`https://open-upload-va.tiktokapis.com${Q}`, narrow)).toBe('accepted');
    for (const host of [
      'evil-open-upload',
      'open',
      'open-upload-va.evil',
      'x.open-upload-va',
      'open-upload-',
      'upload.eu',
    ]) {
      expect(rejection(`https://${host}.tiktokapis.com${Q}`, narrow)).toBe('origin-not-allowed');
    }
  });

  it('allows only what the compiled matcher allows', () => {
    const matcher = compileUploadOrigins([SANDBOX]);
    expect(assertUploadUrlAllowed(`${SANDBOX}/u`, matcher).origin).toBe(SANDBOX);
    expect(rejection(`https://open-upload.tiktokapis.com${Q}`, matcher)).toBe('origin-not-allowed');
  });
});

describe('compileUploadOrigins', () => {
  it.each([
    'https://*.com',
    'https://*',
    'https://a*b*.example.com',
    'https://*.*.example.com',
    'https://open-*.tiktokapis.com/path',
    'http://*.tiktokapis.com',
    'https://open-upload.*',
    'https://*.tiktokapis',
    'https://*.tiktokapis.com:abc',
    'https://**.tiktokapis.com',
  ])('refuses the pattern %s', (entry) => {
    expect(() => compileUploadOrigins([entry])).toThrow(TypeError);
  });

  it.each([
    'http://open-upload.tiktokapis.com',
    'http://10.0.0.1:4010',
    'https://open-upload.tiktokapis.com/video/',
    'https://user@open-upload.tiktokapis.com',
    'not a url',
  ])('refuses the exact entry %s', (entry) => {
    expect(() => compileUploadOrigins([entry])).toThrow(TypeError);
  });

  it('refuses an empty list', () => {
    expect(() => compileUploadOrigins([])).toThrow(TypeError);
  });

  it('lets a wildcard sit in an inner label when two literal labels follow it', () => {
    const matches = compileUploadOrigins(['https://upload.*.tiktokapis.com']);
    expect(matches(new URL('https://upload.eu.tiktokapis.com/v'))).toBe(true);
    expect(matches(new URL('https://upload.a.b.tiktokapis.com/v'))).toBe(false);
    expect(matches(new URL('https://upload.eu.tiktokapis.com:444/v'))).toBe(false);
  });

  it('reads a leading `*.` as the whole domain, at any depth, on the default port only', () => {
    const matches = compileUploadOrigins(['https://*.tiktokapis.com']);
    expect(matches(new URL('https://open-upload.us.tiktokapis.com/v'))).toBe(true);
    expect(matches(new URL('https://a.b.c.tiktokapis.com/v'))).toBe(true);
    expect(matches(new URL('https://tiktokapis.com/v'))).toBe(false);
    expect(matches(new URL('https://eviltiktokapis.com/v'))).toBe(false);
    expect(matches(new URL('https://open-upload.tiktokapis.com:444/v'))).toBe(false);
    expect(matches(new URL('http://open-upload.tiktokapis.com/v'))).toBe(false);
  });

  it('accepts a trailing slash on an exact origin', () => {
    const matches = compileUploadOrigins(['https://open-upload.tiktokapis.com/']);
    expect(matches(new URL(`https://open-upload.tiktokapis.com${Q}`))).toBe(true);
  });
});
