import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { testEnv } from './test-config';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(testEnv(env));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('operator settings', () => {
  it('takes RATE_LIMIT_REDIS_URL as redis:// or rediss://, and nothing when unset', () => {
    expect(loadConfig(testEnv()).rateLimitRedisUrl).toBeUndefined();
    expect(loadConfig(testEnv({ RATE_LIMIT_REDIS_URL: 'redis://red-abc123:6379' })).rateLimitRedisUrl).toBe(
      'redis://red-abc123:6379',
    );
    expect(loadConfig(testEnv({ RATE_LIMIT_REDIS_URL: 'rediss://default:pw@kv.example:6380' })).rateLimitRedisUrl).toBe(
      'rediss://default:pw@kv.example:6380',
    );
  });

  it.each(['http://kv.example:6379', 'red-abc123:6379', 'redis://:6379/0', 'not a url'])(
    'refuses RATE_LIMIT_REDIS_URL=%s without echoing it',
    (value) => {
      const error = problemsOf({ RATE_LIMIT_REDIS_URL: value });
      expect(error.problems).toEqual([
        { variable: 'RATE_LIMIT_REDIS_URL', problem: 'must be a redis:// or rediss:// URL' },
      ]);
      expect(error.message).not.toContain(value);
    },
  );

  it('never prints the password of a refused store URL', () => {
    const error = problemsOf({ RATE_LIMIT_REDIS_URL: 'https://default:hunter2-secret@kv.example' });
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('takes METRICS_PORT as a port, off when unset', () => {
    expect(loadConfig(testEnv()).metrics).toBeUndefined();
    expect(loadConfig(testEnv({ METRICS_PORT: '9464' })).metrics).toEqual({ port: 9464 });
    expect(problemsOf({ METRICS_PORT: '70000' }).problems[0]?.variable).toBe('METRICS_PORT');
    expect(problemsOf({ PORT: '3000', METRICS_PORT: '3000' }).problems).toEqual([
      { variable: 'METRICS_PORT', problem: 'must differ from PORT (metrics are never served on the public port)' },
    ]);
  });
});
