import type { ContainerRefusal, VideoMimeType } from '@content-studio/contract';

/**
 * What the container says about a video, read without decoding it (so a codec this browser cannot
 * play is still measured). No mediabunny types here: this file is part of the landing bundle's
 * import graph through the compose screen, mediabunny is not.
 */
export type VideoFacts = {
  container: 'mp4' | 'mov' | 'webm';
  mimeType: VideoMimeType;
  durationSec: number;
  /** As displayed: a portrait iPhone clip stored 1920 × 1080 with a 90° rotation is 1080 × 1920. */
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  /** mediabunny's codec name (`avc`, `hevc`, `vp8`, `vp9`, `av1`, …), or null when it does not know the codec. */
  videoCodec: string | null;
  /** The sample entry / codec id as written in the file (`mp4v`, `V_MPEG4/ISO/ASP`, …), for the message when the codec is unknown. */
  videoCodecId: string | null;
  audioCodec: string | null;
  /** Best estimate of the frames per second; null when too few frames to tell. */
  frameRate: number | null;
  /** No single frame rate was found (phones record variable frame rate). */
  variableFrameRate: boolean;
  /** RFC 6381 `codecs` string (`avc1.64001f, mp4a.40.2`), for `canPlayType`. */
  codecsParameter: string | null;
};

/** The outcome of reading a picked file. Every kind but `read` refuses the file, each for its own reason. */
export type VideoRead =
  | { kind: 'read'; facts: VideoFacts }
  /** The first bytes are not MP4, MOV or WebM (the contract's first-bytes rule says why). */
  | { kind: 'not-a-video'; reason: ContainerRefusal }
  /** It starts like a video container, but the container cannot be parsed. */
  | { kind: 'unreadable' }
  /** A readable container without any video (an audio-only `.mp4`, say). */
  | { kind: 'no-video'; hasAudio: boolean }
  /** The container promises media the file does not hold: it was cut off (an unfinished copy or download). */
  | { kind: 'truncated' };

/** Reads a picked file; resolves (never rejects) with what was found. */
export type VideoReader = (file: File, signal?: AbortSignal) => Promise<VideoRead>;
