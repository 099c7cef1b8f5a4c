import { z } from 'zod';

const FAULT_TARGETS = ['upload', 'init', 'status', 'token', 'creator_info', 'user_info'] as const;
const FAULT_KINDS = [
  'status',
  'reset-mid-body',
  'delay',
  'stall',
  'range-mismatch',
  'expire-url',
  'chunk-size-invalid',
] as const;

export type FaultTarget = (typeof FAULT_TARGETS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * A misbehaviour applied to the next `count` requests of `target`:
 * - `status`: the body is read and dropped, then `httpStatus` (default 500) is answered; nothing is applied.
 * - `reset-mid-body`: the socket is destroyed after `afterBytes` (default 0) body bytes; nothing is applied.
 * - `delay`: the request is handled normally (its effect happens), the answer is held back `ms`.
 * - `stall`: the body is read and dropped, nothing is answered; the socket is destroyed after `ms`
 *   (or left hanging until the client gives up or the sandbox closes).
 * - `range-mismatch` (upload only): 416 with the real progress; the chunk is not applied.
 * - `expire-url` (upload only): the upload URL expires now, so this and every later PUT get 403.
 * - `chunk-size-invalid` (init only): a multi-chunk FILE_UPLOAD init is refused with 400
 *   `invalid_params` "The chunk size is invalid" however valid its plan, as public reports saw for
 *   66–94 MB files; no task is created. A one-chunk init it meets goes through (and uses it up).
 */
export interface Fault {
  target: FaultTarget;
  kind: FaultKind;
  count?: number;
  httpStatus?: number;
  afterBytes?: number;
  ms?: number;
}

export const faultSchema = z
  .strictObject({
    target: z.enum(FAULT_TARGETS),
    kind: z.enum(FAULT_KINDS),
    count: z.number().int().positive().max(10_000).optional(),
    httpStatus: z.number().int().min(400).max(599).optional(),
    afterBytes: z.number().int().nonnegative().optional(),
    ms: z.number().int().nonnegative().max(3_600_000).optional(),
  })
  .refine((f) => f.target === 'upload' || (f.kind !== 'range-mismatch' && f.kind !== 'expire-url'), {
    message: 'range-mismatch and expire-url only apply to target "upload"',
  })
  .refine((f) => f.target === 'init' || f.kind !== 'chunk-size-invalid', {
    message: 'chunk-size-invalid only applies to target "init"',
  })
  .refine((f) => f.kind !== 'delay' || f.ms !== undefined, { message: 'delay needs ms' });

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: Fault): void {
    this.queue.push({ fault, remaining: fault.count ?? 1 });
  }

  /** The oldest pending fault for `target`, consumed once. */
  take(target: FaultTarget): Fault | undefined {
    const entry = this.queue.find((q) => q.fault.target === target);
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.queue = this.queue.filter((q) => q !== entry);
    return entry.fault;
  }

  pending(): Array<Fault & { remaining: number }> {
    return this.queue.map((q) => ({ ...q.fault, remaining: q.remaining }));
  }

  clear(): void {
    this.queue = [];
  }
}
