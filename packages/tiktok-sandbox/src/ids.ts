import { randomBytes, randomInt } from 'node:crypto';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** TikTok's shape: UTC timestamp + 20 upper-case hex chars, e.g. 202210112248442CB9319E1FB30C1073F3. */
export function logId(nowMs: number): string {
  const d = new Date(nowMs);
  const stamp =
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds());
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

/**
 * A 19-digit decimal string starting with 7, like TikTok's ids. The last digit is odd so the value
 * is never exactly representable as a double: a client that lets JSON.parse touch it always loses it.
 */
export function nineteenDigits(): string {
  let s = '7';
  for (let i = 0; i < 17; i++) s += String(randomInt(10));
  return s + String(randomInt(5) * 2 + 1);
}

/**
 * Codes and tokens carry `*` and `!` as real ones do, so a client that double-encodes or
 * double-decodes them (TikTok's Manage User Access Tokens page) fails here rather than at TikTok.
 */
export function authCode(): string {
  return `${randomBytes(24).toString('base64url')}*0!${randomInt(1000, 9999)}.sb`;
}

export function accessToken(): string {
  return `act.${randomBytes(24).toString('hex')}!${randomInt(1000, 9999)}.sb`;
}

export function refreshToken(): string {
  return `rft.${randomBytes(24).toString('hex')}!${randomInt(1000, 9999)}.sb`;
}

export function clientToken(): string {
  return `clt.${randomBytes(24).toString('hex')}`;
}

export function uploadToken(): string {
  return randomBytes(24).toString('hex');
}
