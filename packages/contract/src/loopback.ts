/**
 * Loopback hosts as the WHATWG URL parser spells them after normalising: 127.0.0.0/8, [::1] and
 * localhost. Plain `http:` is acceptable only towards these (dev and tests); everything else must
 * be `https:` (docs/requirements/product-promises.md#https-only).
 */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** `https:`, or `http:` to a loopback host. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHostname(url.hostname));
}
