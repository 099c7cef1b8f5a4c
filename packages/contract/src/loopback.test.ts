import { describe, expect, it } from 'vitest';
import { isLoopbackHostname, isSecureOrLoopback } from './loopback';

describe('isLoopbackHostname', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['localhost.evil.com', false],
    ['127.0.0.1.evil.com', false],
    ['::1', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHostname(host)).toBe(expected);
  });
});

describe('isSecureOrLoopback', () => {
  it.each([
    ['https://open.tiktokapis.com', true],
    ['http://127.0.0.1:4010', true],
    ['http://[::1]:3000', true],
    ['http://open.tiktokapis.com', false],
    ['http://10.0.0.1', false],
    ['ftp://127.0.0.1', false],
  ])('%s → %s', (raw, expected) => {
    expect(isSecureOrLoopback(new URL(raw))).toBe(expected);
  });
});
