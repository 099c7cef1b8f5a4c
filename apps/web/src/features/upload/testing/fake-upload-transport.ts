import type {
  ChunkResponse,
  CreateUploadRequest,
  CreateUploadResponse,
  ErrorCode,
  PublishStatus,
  RenewedUploadSession,
} from '@content-studio/contract';
import { vi } from 'vitest';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { ApiError } from '@/lib/api-error';
import type { PutChunkInput, TransportContext, UploadTransport } from '../engine/upload-types';

/** What a scripted chunk attempt does: answer normally, fail, or hang until aborted. */
export type ChunkStep =
  | 'ok'
  | 'hang'
  /** Sends every byte, then waits for an answer that is controlled by the test. */
  | { sendAllThen: Promise<'ok' | Error> }
  /** Sends `bytesPerTick` every `tickMs` of (fake) time, then answers normally. */
  | { trickle: { bytesPerTick: number; tickMs: number } }
  | Error;

export function apiError(
  code: ErrorCode,
  status: number,
  message: string = code,
  extra: { retryable?: boolean; retryAfterMs?: number; tiktokLogId?: string } = {},
) {
  const retryable = extra.retryable ?? (status >= 500 || status === 0 || status === 429);
  return new ApiError({
    code,
    status,
    message,
    retryable,
    tiktokLogId: extra.tiktokLogId,
    retryAfterMs: extra.retryAfterMs,
  });
}

export interface ChunkCall {
  index: number;
  bytes: Uint8Array;
  accessToken: string;
  uploadSession: string;
  signal: AbortSignal;
}

/**
 * A transport that records every request and answers from per-test scripts, so the engine's logic
 * is tested without XHR, msw or real time.
 */
export class FakeUploadTransport implements UploadTransport {
  readonly inits: CreateUploadRequest[] = [];
  readonly chunkCalls: ChunkCall[] = [];
  readonly statusCalls: Array<{ publishId: string; at: number }> = [];
  /** Inits and chunks in the order they were sent: "init 1", "chunk 1/0" (session 1, index 0). */
  readonly events: string[] = [];
  /** Chunk size the fake "proxy" plans with. */
  chunkSize = 10;
  initStep: (
    request: CreateUploadRequest,
    count: number,
  ) => Promise<CreateUploadResponse | 'hang'> | CreateUploadResponse | 'hang' = (request, count) =>
    this.plan(request, count);
  private readonly chunkSteps = new Map<number, ChunkStep[]>();
  private readonly statusSteps: Array<PublishStatus | Error> = [];
  defaultStatus: PublishStatus = { status: 'PROCESSING_UPLOAD', failReason: null, postIds: [], uploadedBytes: 0 };
  inFlightChunks = 0;
  maxInFlightChunks = 0;
  /** Like the proxy: a session works only with the token it was sealed for (off unless a test asks). */
  bindSessionsToTokens = false;
  readonly renewals: Array<{ publishId: string; uploadSession: string; accessToken: string }> = [];
  renewStep: (input: {
    publishId: string;
    uploadSession: string;
    accessToken: string;
  }) => RenewedUploadSession | Error = (input) => ({
    uploadSession: `${input.uploadSession}+${input.accessToken}`,
    expiresAt: Date.now() + 30 * 60_000,
  });
  private readonly sessionTokens = new Map<string, string>();

  plan(request: CreateUploadRequest, count: number): CreateUploadResponse {
    const chunkSize = Math.min(this.chunkSize, request.videoSize);
    const chunkCount = Math.max(1, Math.floor(request.videoSize / chunkSize));
    return {
      publishId: `v_pub_file~v2-1.fake${count}`,
      uploadSession: `sealed-session-${count}`,
      uploadHost: 'open-upload.tiktokapis.com',
      videoSize: request.videoSize,
      chunkSize,
      chunkCount,
      expiresAt: Date.now() + 55 * 60_000,
    };
  }

  scriptChunk(index: number, ...steps: ChunkStep[]): void {
    this.chunkSteps.set(index, [...(this.chunkSteps.get(index) ?? []), ...steps]);
  }

  scriptStatus(...steps: Array<PublishStatus | Error>): void {
    this.statusSteps.push(...steps);
  }

  async init(request: CreateUploadRequest, context: TransportContext): Promise<CreateUploadResponse> {
    this.inits.push(request);
    this.events.push(`init ${this.inits.length}`);
    const step = await this.initStep(request, this.inits.length);
    if (step === 'hang') return hangUntilAborted(context.signal);
    this.counts.set(step.uploadSession, step.chunkCount);
    this.sessionTokens.set(step.uploadSession, context.accessToken);
    return step;
  }

  async renewSession(
    input: { publishId: string; uploadSession: string },
    context: TransportContext,
  ): Promise<RenewedUploadSession> {
    const call = { ...input, accessToken: context.accessToken };
    this.renewals.push(call);
    this.events.push(`renew ${input.uploadSession.replace('sealed-session-', '')}`);
    const step = this.renewStep(call);
    if (step instanceof Error) throw step;
    this.counts.set(step.uploadSession, this.counts.get(input.uploadSession) ?? Infinity);
    this.sessionTokens.set(step.uploadSession, context.accessToken);
    return step;
  }

  async putChunk(
    input: PutChunkInput & { accessToken: string },
    onProgress: (loaded: number) => void,
    signal: AbortSignal,
  ): Promise<ChunkResponse> {
    const bytes = new Uint8Array(await input.body.arrayBuffer());
    this.chunkCalls.push({
      index: input.index,
      bytes,
      accessToken: input.accessToken,
      uploadSession: input.uploadSession,
      signal,
    });
    this.events.push(`chunk ${input.uploadSession.replace('sealed-session-', '')}/${input.index}`);
    const bound = this.sessionTokens.get(input.uploadSession);
    if (this.bindSessionsToTokens && bound !== undefined && bound !== input.accessToken) {
      throw apiError('UPLOAD_SESSION_INVALID', 403, 'This upload belongs to another session. Start the upload again.');
    }
    const step = this.chunkSteps.get(input.index)?.shift() ?? 'ok';
    this.inFlightChunks++;
    this.maxInFlightChunks = Math.max(this.maxInFlightChunks, this.inFlightChunks);
    try {
      if (step === 'hang') return await hangUntilAborted(signal);
      if (step instanceof Error) throw step;
      if (typeof step === 'object' && 'trickle' in step) {
        for (let sent = 0; sent < bytes.length;) {
          await new Promise((resolve) => setTimeout(resolve, step.trickle.tickMs));
          if (signal.aborted) throw signal.reason;
          sent = Math.min(bytes.length, sent + step.trickle.bytesPerTick);
          onProgress(sent);
        }
        return { chunkIndex: input.index, uploadedBytes: 0, complete: input.index === this.lastIndex(input) };
      }
      onProgress(Math.floor(bytes.length / 2));
      onProgress(bytes.length);
      if (step !== 'ok') {
        const outcome = await Promise.race([step.sendAllThen, hangUntilAborted(signal)]);
        if (outcome instanceof Error) throw outcome;
      }
      return { chunkIndex: input.index, uploadedBytes: 0, complete: input.index === this.lastIndex(input) };
    } finally {
      this.inFlightChunks--;
    }
  }

  async status(publishId: string, context: TransportContext): Promise<PublishStatus> {
    this.statusCalls.push({ publishId, at: Date.now() });
    if (context.signal.aborted) throw context.signal.reason;
    const step = this.statusSteps.shift() ?? this.defaultStatus;
    if (step instanceof Error) throw step;
    return step;
  }

  /** Chunk counts by session, learned from the plans handed out (a reload test shares the fake). */
  private readonly counts = new Map<string, number>();
  private lastIndex(input: PutChunkInput): number {
    return (this.counts.get(input.uploadSession) ?? Infinity) - 1;
  }
}

function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A Storage stand-in shared between "page loads" of a test. */
export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  read(key: string): unknown {
    const raw = this.items.get(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }
}

/** A file of `size` bytes whose content depends on `seed`, so "same size, other content" is testable. */
export function videoFile(
  size: number,
  { name = 'clip.mp4', seed = 1, lastModified = 1_700_000_000_000, type = 'video/mp4' } = {},
): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7) % 251;
  return new File([bytes], name, { type, lastModified });
}

/** A session for the engine: tokens from `getAccessToken`, and every 401 it is told about recorded. */
export function testTokens(getAccessToken: () => Promise<string | null> = async () => 'token-1') {
  return {
    getAccessToken: vi.fn<AccessTokenSource['getAccessToken']>(getAccessToken),
    rejected: vi.fn<AccessTokenSource['rejected']>(),
  } satisfies AccessTokenSource;
}
