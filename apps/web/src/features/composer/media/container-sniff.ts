import {
  sniffVideoContainer,
  type ContainerRefusal,
  type VideoContainer,
  type VideoMimeType,
} from '@content-studio/contract';

/**
 * What the first bytes of a file say it is, by the contract's first-bytes rule, the one the proxy
 * applies too (ISO-BMFF video brands, EBML with the `webm` doctype). The compose screen applies it
 * before any call, so a file that is not a video never spends one of the creator's inits (TikTok's
 * Content Posting API allows six a minute).
 */
export type SniffedContainer = { kind: VideoContainer; mimeType: VideoMimeType };

export function sniffContainer(
  head: Uint8Array,
): { ok: true; container: SniffedContainer } | { ok: false; reason: ContainerRefusal } {
  const sniff = sniffVideoContainer(head);
  return sniff.ok
    ? { ok: true, container: { kind: sniff.container, mimeType: sniff.mimeType } }
    : { ok: false, reason: sniff.reason };
}
