import { describe, expect, it } from 'vitest';
import { CANARIES, testEnv } from '../test/test-config';
import { ConfigError, DEFAULT_TIKTOK_API_BASE_URL, loadConfig } from './config';
import { DEFAULT_UPLOAD_ORIGINS } from './tiktok/upload-origin';

function problemsFor(env: Record<string, string | undefined>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to refuse this environment');
}

const REQUIRED = [
  'TIKTOK_CLIENT_KEY',
  'TIKTOK_CLIENT_SECRET',
  'TIKTOK_REDIRECT_URI',
  'SESSION_SEAL_KEY',
  'ALLOWED_ORIGINS',
] as const;

describe('loadConfig', () => {
  it('parses a complete environment into a frozen config with defaults', () => {
    const config = loadConfig({
      ...testEnv(),
      TIKTOK_API_BASE_URL: undefined,
      TIKTOK_UPLOAD_ORIGINS: undefined,
      PORT: undefined,
    });
    expect(config.tiktok.apiBaseUrl).toBe(DEFAULT_TIKTOK_API_BASE_URL);
    expect(config.server.port).toBe(3000);
    expect(config.sealKey.length).toBeGreaterThanOrEqual(32);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.tiktok)).toBe(true);
    expect(() => {
      (config.tiktok as { clientSecret: string }).clientSecret = 'x';
    }).toThrow();
  });

  it('names every missing required variable at once', () => {
    const error = problemsFor({});
    expect(error.problems.map((p) => p.variable).sort()).toEqual([...REQUIRED].sort());
    expect(error.message).toContain('TIKTOK_CLIENT_SECRET is required');
  });

  it.each(REQUIRED)('refuses to run without %s, even when set to blank', (variable) => {
    expect(problemsFor({ ...testEnv(), [variable]: undefined }).problems).toEqual([
      { variable, problem: 'is required' },
    ]);
    expect(problemsFor({ ...testEnv(), [variable]: '   ' }).problems[0]?.variable).toBe(variable);
  });

  const malformed: Array<[string, string]> = [
    ['TIKTOK_CLIENT_SECRET', 'short'],
    ['TIKTOK_CLIENT_SECRET', 'has whitespace inside of it!!'],
    ['TIKTOK_CLIENT_KEY', 'bad key!'],
    ['SESSION_SEAL_KEY', Buffer.alloc(16, 1).toString('base64')],
    ['SESSION_SEAL_KEY', 'not base64 at all %%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%'],
    ['TIKTOK_REDIRECT_URI', 'http://example.com/auth/callback'],
    ['TIKTOK_REDIRECT_URI', 'https://example.com/auth/callback?x=1'],
    ['TIKTOK_REDIRECT_URI', 'not a url'],
    ['ALLOWED_ORIGINS', 'http://evil.example.com'],
    ['ALLOWED_ORIGINS', 'https://app.example.com/path'],
    ['TIKTOK_API_BASE_URL', 'http://open.tiktokapis.com'],
    ['TIKTOK_UPLOAD_ORIGINS', 'https://user:pass@upload.example.com'],
    ['PORT', 'eighty'],
    ['LOG_LEVEL', 'loud'],
  ];
  it.each(malformed)('refuses a malformed %s and never echoes its value', (variable, value) => {
    const error = problemsFor({ ...testEnv(), [variable]: value });
    expect(error.problems.map((p) => p.variable)).toEqual([variable]);
    expect(error.message).not.toContain(value);
  });

  it('never puts a secret value into its message', () => {
    const error = problemsFor({ ...testEnv(), ALLOWED_ORIGINS: undefined, SESSION_SEAL_KEY: 'x' });
    expect(error.message).not.toContain(CANARIES.clientSecret);
    expect(error.message).toContain('SESSION_SEAL_KEY');
  });

  it('accepts https everywhere and http only on loopback', () => {
    const config = loadConfig(
      testEnv({
        ALLOWED_ORIGINS: 'https://studio.example.com, http://localhost:5173',
        TIKTOK_REDIRECT_URI: 'https://studio.example.com/auth/callback',
        TIKTOK_UPLOAD_ORIGINS: 'https://open-upload-*.tiktokapis.com,https://open-upload.tiktokapis.com/',
      }),
    );
    expect(config.allowedOrigins).toEqual(['https://studio.example.com', 'http://localhost:5173']);
    expect(config.tiktok.uploadOrigins).toEqual([
      'https://open-upload-*.tiktokapis.com',
      'https://open-upload.tiktokapis.com',
    ]);
  });

  it('allows every known TikTok upload host by default', () => {
    const config = loadConfig({ ...testEnv(), TIKTOK_API_BASE_URL: undefined, TIKTOK_UPLOAD_ORIGINS: undefined });
    expect(config.tiktok.uploadOrigins).toEqual([...DEFAULT_UPLOAD_ORIGINS]);
  });

  it('refuses, at start, an upload allowlist that would refuse a TikTok upload host after init', () => {
    const narrow = 'https://open-upload.tiktokapis.com,https://open-upload-*.tiktokapis.com';
    const error = problemsFor({ ...testEnv(), TIKTOK_API_BASE_URL: undefined, TIKTOK_UPLOAD_ORIGINS: narrow });
    expect(error.problems.map((p) => p.variable)).toEqual(['TIKTOK_UPLOAD_ORIGINS']);
    expect(error.message).toContain('open-upload.us.tiktokapis.com');
    // Against the loopback sandbox the list is the operator's business.
    expect(loadConfig({ ...testEnv(), TIKTOK_UPLOAD_ORIGINS: narrow }).tiktok.uploadOrigins).toHaveLength(2);
  });

  it('reads the app’s audit state, unaudited unless told otherwise', () => {
    expect(loadConfig({ ...testEnv(), TIKTOK_APP_AUDITED: undefined }).tiktok.appAudited).toBe(false);
    expect(loadConfig({ ...testEnv(), TIKTOK_APP_AUDITED: 'true' }).tiktok.appAudited).toBe(true);
    expect(problemsFor({ ...testEnv(), TIKTOK_APP_AUDITED: 'yes' }).problems).toEqual([
      { variable: 'TIKTOK_APP_AUDITED', problem: 'must be true or false' },
    ]);
  });
});
