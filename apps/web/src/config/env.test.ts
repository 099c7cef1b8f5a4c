import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults the API base to the same origin', () => {
    expect(parseEnv({})).toEqual({ apiBaseUrl: '' });
    expect(parseEnv({ VITE_API_BASE_URL: '' })).toEqual({ apiBaseUrl: '' });
  });

  it('accepts an absolute http(s) URL and drops trailing slashes', () => {
    expect(parseEnv({ VITE_API_BASE_URL: 'https://api.example.test/' })).toEqual({
      apiBaseUrl: 'https://api.example.test',
    });
  });

  it('rejects anything that is not an http(s) URL, naming the variable', () => {
    expect(() => parseEnv({ VITE_API_BASE_URL: '/api' })).toThrow(/VITE_API_BASE_URL/);
    expect(() => parseEnv({ VITE_API_BASE_URL: 'ftp://example.test' })).toThrow(/VITE_API_BASE_URL/);
  });
});
