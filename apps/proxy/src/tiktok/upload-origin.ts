import { isSecureOrLoopback } from '@content-studio/contract';
/**
 * Where chunk PUTs may go. TikTok's init answers with an `upload_url` and the proxy streams creator
 * video to it, so a URL pointing anywhere else would turn the proxy into an open relay. Every URL is
 * checked against an allowlist before the first byte is sent
 * (docs/requirements/security-reliability.md#outbound-allowlist).
 *
 * Allowlist entries are either
 * - an exact origin, e.g. `https://open-upload.tiktokapis.com` or, for the local sandbox,
 *   `http://127.0.0.1:4010` (plain http only for loopback hosts), or
 * - an https pattern whose host starts with `*.`, e.g. `https://*.tiktokapis.com`: every host under
 *   that domain, at any depth (`open-upload.us.tiktokapis.com` included), the way TikTok's own
 *   "Domain" URL property covers a domain and all its subdomains; or
 * - an https pattern with one `*` inside a single inner host label, e.g. `https://open-upload-*.tiktokapis.com`.
 *   That `*` stands for one or more of `a-z 0-9 -` and never crosses a dot.
 * Either pattern needs at least two literal labels right of the wildcard (so `https://*.com` is
 * refused), and matches only the default port.
 */

/**
 * Hosts TikTok's upload URLs were seen on. TikTok's Direct Post and Media Transfer Guide pages show
 * `open-upload` and `upload.us`; public client code that talks to the real API also met regional
 * `open-upload-<region>` hosts and `open-upload.us` (a dot, not a hyphen). TikTok publishes no list,
 * so the default allows every https host under tiktokapis.com (TikTok's own domain, nothing else):
 * a new regional host must never be refused after init has already created a publish task.
 */
export const KNOWN_UPLOAD_HOSTS: readonly string[] = Object.freeze([
  'open-upload.tiktokapis.com',
  'open-upload-va.tiktokapis.com',
  'open-upload-i18n.tiktokapis.com',
  'open-upload-sg.tiktokapis.com',
  'upload.us.tiktokapis.com',
  'open-upload.us.tiktokapis.com',
]);

export const DEFAULT_UPLOAD_ORIGINS: readonly string[] = Object.freeze(['https://*.tiktokapis.com']);

/** TikTok documents upload URLs as ≤ 256 characters; anything far longer is not theirs. */
const MAX_UPLOAD_URL_LENGTH = 2048;

export type UploadUrlRejection =
  'malformed' | 'userinfo' | 'insecure-scheme' | 'non-canonical-host' | 'origin-not-allowed';

/** Thrown instead of sending anything. Never carries the URL: it holds TikTok's upload token. */
export class UploadUrlNotAllowedError extends Error {
  readonly reason: UploadUrlRejection;

  constructor(reason: UploadUrlRejection) {
    super(`upload URL refused (${reason})`);
    this.name = 'UploadUrlNotAllowedError';
    this.reason = reason;
  }
}

type OriginMatcher = (url: URL) => boolean;

const LITERAL_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const PATTERN_SHAPE = /^(https):\/\/([a-z0-9.*-]+)(?::(\d{1,5}))?\/?$/;

function compileEntry(rawEntry: string): OriginMatcher {
  const entry = rawEntry.trim().toLowerCase();
  if (!entry.includes('*')) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new TypeError(`upload origin "${rawEntry}" is not a URL`);
    }
    // An entry must be a bare origin: a path or query would suggest a narrower rule than we enforce.
    if (url.origin === 'null' || `${url.origin}/` !== url.href) {
      throw new TypeError(`upload origin "${rawEntry}" must be a bare origin like https://host[:port]`);
    }
    if (!isSecureOrLoopback(url)) {
      throw new TypeError(`upload origin "${rawEntry}" must use https (http only for loopback hosts)`);
    }
    const origin = url.origin;
    return (candidate) => candidate.origin === origin;
  }

  const match = PATTERN_SHAPE.exec(entry);
  const scheme = match?.[1];
  const hostPattern = match?.[2];
  if (scheme !== 'https' || hostPattern === undefined) {
    throw new TypeError(`upload origin pattern "${rawEntry}" must look like https://*.example.com`);
  }
  const port = match?.[3] === undefined || match[3] === '443' ? '' : match[3];
  const labels = hostPattern.split('.');
  const wildcardIndex = labels.findIndex((label) => label.includes('*'));
  const wildcardLabel = labels[wildcardIndex];
  const literalLabels = labels.slice(wildcardIndex + 1);
  if (
    wildcardLabel === undefined ||
    hostPattern.split('*').length !== 2 ||
    !/^[a-z0-9-]*\*[a-z0-9-]*$/.test(wildcardLabel) ||
    literalLabels.length < 2 ||
    !labels.every((label, i) => i === wildcardIndex || LITERAL_LABEL.test(label))
  ) {
    throw new TypeError(
      `upload origin pattern "${rawEntry}" needs exactly one * inside one label, ` +
        'followed by at least two literal labels',
    );
  }
  const escaped = labels.map((label, i) =>
    i === wildcardIndex ? label.split('*').map(escapeRegExp).join('[a-z0-9-]+') : escapeRegExp(label),
  );
  // A leading whole-label `*` is a domain rule: one or more LDH labels, each well formed.
  const hostRegExp =
    wildcardIndex === 0 && wildcardLabel === '*'
      ? new RegExp(`^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+${literalLabels.map(escapeRegExp).join('\\.')}$`)
      : new RegExp(`^${escaped.join('\\.')}$`);
  return (candidate) =>
    candidate.protocol === 'https:' && candidate.port === port && hostRegExp.test(candidate.hostname);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Validates allowlist entries once (e.g. at start-up) and returns a matcher. Throws a TypeError naming
 * the bad entry; entries are configuration, not secrets.
 */
export function compileUploadOrigins(entries: readonly string[]): (url: URL) => boolean {
  if (entries.length === 0) throw new TypeError('at least one upload origin is required');
  const matchers = entries.map(compileEntry);
  return (url) => matchers.some((matches) => matches(url));
}

/**
 * Parses TikTok's `upload_url` and refuses it unless it points at an allowed upload origin.
 *
 * Beyond the origin comparison, the host must be written exactly as the URL parser normalises it.
 * That single rule refuses the classic tricks (`http://2130706433`, `http://127.1`, `0x7f.0.0.1`,
 * percent-encoded or upper-cased-then-punycoded hosts, an explicit default port, a trailing dot)
 * even when their normalised form would be an allowed origin. TikTok never sends such URLs, so
 * there is nothing to lose by refusing them.
 *
 * @see https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 */
export function assertUploadUrlAllowed(rawUrl: string, isAllowed: (url: URL) => boolean): URL {
  if (typeof rawUrl !== 'string' || rawUrl.length === 0 || rawUrl.length > MAX_UPLOAD_URL_LENGTH) {
    throw new UploadUrlNotAllowedError('malformed');
  }
  // The URL parser silently drops tabs/newlines and turns `\` into `/`; refuse rather than guess.
  // oxlint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f-\u00a0\\]/.test(rawUrl)) throw new UploadUrlNotAllowedError('malformed');

  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(rawUrl)?.[1];
  if (authority === undefined) throw new UploadUrlNotAllowedError('malformed');
  if (authority.includes('@')) throw new UploadUrlNotAllowedError('userinfo');

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UploadUrlNotAllowedError('malformed');
  }
  if (url.username !== '' || url.password !== '') throw new UploadUrlNotAllowedError('userinfo');
  if (!isSecureOrLoopback(url)) throw new UploadUrlNotAllowedError('insecure-scheme');
  if (authority.toLowerCase() !== url.host || url.hostname.endsWith('.')) {
    throw new UploadUrlNotAllowedError('non-canonical-host');
  }
  if (!isAllowed(url)) throw new UploadUrlNotAllowedError('origin-not-allowed');
  return url;
}
