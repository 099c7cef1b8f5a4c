import { PassThrough } from 'node:stream';
import { onTestFinished } from 'vitest';
import { buildApp, type AppDeps } from '../src/app';
import { loadConfig, type Config } from '../src/config';

/** Canary values: any test may assert that none of them ever shows up in a log line or response. */
export const CANARIES = {
  clientSecret: 'canary-client-secret-7f3a9c1e5b',
  sealKey: Buffer.from('canary-seal-key-material-32bytes!!').toString('base64'),
};

export function testEnv(overrides: Record<string, string | undefined> = {}) {
  return {
    TIKTOK_CLIENT_KEY: 'sbawtestclientkey',
    TIKTOK_CLIENT_SECRET: CANARIES.clientSecret,
    TIKTOK_REDIRECT_URI: 'http://127.0.0.1:5173/auth/callback',
    SESSION_SEAL_KEY: CANARIES.sealKey,
    ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
    TIKTOK_API_BASE_URL: 'http://127.0.0.1:4999',
    TIKTOK_AUTH_URL: 'http://127.0.0.1:4999/v2/auth/authorize/',
    TIKTOK_UPLOAD_ORIGINS: 'http://127.0.0.1:4999',
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig(testEnv(overrides));
}

/** Builds the app with its log captured line by line, for assertions on what was (not) logged. */
export async function buildTestApp(config: Config = testConfig(), deps: AppDeps = {}) {
  const logStream = new PassThrough();
  const logLines: string[] = [];
  logStream.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const app = await buildApp(config, { logStream, ...deps });
  return { app, logLines, config };
}

/** `buildTestApp`, closed when the current test finishes however it ends. */
export async function startTestApp(config?: Config, deps?: AppDeps) {
  const built = await buildTestApp(config, deps);
  onTestFinished(() => built.app.close());
  return built;
}
