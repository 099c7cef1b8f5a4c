import { readFileSync } from 'node:fs';
import { corpusPath } from '@content-studio/media-corpus';
import {
  BufferSource,
  BufferTarget,
  EncodedPacket,
  EncodedVideoPacketSource,
  Input,
  MP4,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';

export interface SyntheticVideo {
  container: 'mp4' | 'webm';
  /** MP4 only: index first (true) or at the end (false, the default of most cameras). */
  fastStart?: boolean;
  seconds: number;
  fps: number;
  width?: number;
  height?: number;
  /** Bytes of each frame; the file is about seconds × fps × frameBytes. */
  frameBytes: number;
}

async function avcConfig(): Promise<VideoDecoderConfig> {
  const bytes = readFileSync(corpusPath('h264-aac-faststart.mp4'));
  const input = new Input({ source: new BufferSource(bytes), formats: [MP4] });
  const config = await (await input.getPrimaryVideoTrack())?.getDecoderConfig();
  input.dispose();
  if (!config) throw new Error('the corpus file has no H.264 config');
  return config;
}

/**
 * A real container (mediabunny's muxer writes it: ftyp/moov/mdat or EBML/Segment/Cues) around frames of
 * filler bytes, at any size: the media checks read containers, never decode frames, so this is a
 * multi-megabyte video as far as they are concerned. The frames are not decodable; nothing here
 * plays them.
 */
export async function syntheticVideo(o: SyntheticVideo): Promise<Buffer> {
  const width = o.width ?? 360;
  const height = o.height ?? 640;
  const target = new BufferTarget();
  const format =
    o.container === 'mp4'
      ? new Mp4OutputFormat({ fastStart: o.fastStart ? 'in-memory' : false })
      : new WebMOutputFormat();
  const output = new Output({ format, target });
  const codec = o.container === 'mp4' ? 'avc' : 'vp9';
  const source = new EncodedVideoPacketSource(codec);
  output.addVideoTrack(source, { frameRate: o.fps });
  await output.start();
  const decoderConfig =
    codec === 'avc'
      ? { ...(await avcConfig()), codedWidth: width, codedHeight: height }
      : { codec: 'vp09.00.10.08', codedWidth: width, codedHeight: height };
  const frames = Math.round(o.seconds * o.fps);
  const data = new Uint8Array(o.frameBytes).fill(0x5a);
  for (let i = 0; i < frames; i++) {
    const packet = new EncodedPacket(data, i % o.fps === 0 ? 'key' : 'delta', i / o.fps, 1 / o.fps);
    await source.add(packet, i === 0 ? { decoderConfig } : undefined);
  }
  await output.finalize();
  if (!target.buffer) throw new Error('the muxer wrote nothing');
  return Buffer.from(target.buffer);
}
