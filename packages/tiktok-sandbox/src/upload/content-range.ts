export interface ContentRange {
  first: number;
  last: number;
  total: number;
}

const PATTERN = /^bytes (\d{1,16})-(\d{1,16})\/(\d{1,16})$/;

/**
 * Parses `bytes first-last/total` strictly: no spaces around the dash, no `*`, first ≤ last < total.
 * Anything looser would let a malformed header through here that TikTok answers with 400.
 */
export function parseContentRange(header: string | undefined): ContentRange | undefined {
  const m = PATTERN.exec(header ?? '');
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = Number(m[2]);
  const total = Number(m[3]);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || !Number.isSafeInteger(total)) return undefined;
  if (first > last || last >= total) return undefined;
  return { first, last, total };
}

/**
 * Progress as TikTok reports it: the last received byte index (TikTok's Media Transfer Guide leaves open whether it is an index or a count). With nothing
 * received yet there is no index, so the RFC 9110 "unsatisfied" form is used.
 */
export function progressHeader(received: number, total: number): string {
  return received > 0 ? `bytes 0-${received - 1}/${total}` : `bytes */${total}`;
}
