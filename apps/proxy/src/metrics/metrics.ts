import type { Registry } from 'prom-client';

/**
 * The proxy's Prometheus instruments, one registry per app (tests build many apps in one process).
 *
 * Labels take values from fixed sets only: a route *pattern* (never the raw URL, which carries a
 * publish id), a method, a status, one of the contract's error codes, a fixed kind. Nothing a client
 * or TikTok chooses freely — a token, an open_id, a publish id, an upload URL — can become a label,
 * both because those are secrets and because each distinct value would be a new time series.
 */
type Labels<L extends string> = Partial<Record<L, string>>;
export interface Count<L extends string> {
  inc(labels: Labels<L>, value?: number): void;
}
export interface Level<L extends string> extends Count<L> {
  dec(labels: Labels<L>): void;
}
export interface Spread<L extends string> {
  observe(labels: Labels<L>, value: number): void;
}

export interface ProxyMetrics {
  /** Absent when metrics are off: nothing is collected, and prom-client is never loaded. */
  readonly registry: Registry | undefined;
  readonly requests: Count<'method' | 'route' | 'status'>;
  readonly uploadsInFlight: Level<'kind'>;
  readonly uploadBytes: Count<'kind'>;
  readonly chunkDuration: Spread<'outcome'>;
  readonly tiktokErrors: Count<'code'>;
  readonly rateLimitRefusals: Count<'route'>;
  readonly rateLimitStoreFallbacks: { inc(): void };
}

export type UploadKind = 'chunk' | 'one_shot';

const METRIC_PREFIX = 'content_studio_';

const ignore = { inc() {}, dec() {}, observe() {} };

/** Off by default: loading prom-client alone costs a fresh process several MB of RSS (decision 016). */
const DISABLED: ProxyMetrics = {
  registry: undefined,
  requests: ignore,
  uploadsInFlight: ignore,
  uploadBytes: ignore,
  chunkDuration: ignore,
  tiktokErrors: ignore,
  rateLimitRefusals: ignore,
  rateLimitStoreFallbacks: ignore,
};

export async function createProxyMetrics(enabled: boolean): Promise<ProxyMetrics> {
  if (!enabled) return DISABLED;
  const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = await import('prom-client');
  const registry = new Registry();
  const registers = [registry];
  // process_resident_memory_bytes, nodejs_heap_size_used_bytes, nodejs_external_memory_bytes,
  // process_open_fds, nodejs_active_handles{type}, nodejs_eventloop_lag_p99_seconds, GC durations…
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  registry.registerMetric(
    new Gauge({
      name: `${METRIC_PREFIX}array_buffers_bytes`,
      help: 'Memory held by ArrayBuffers and Buffers (process.memoryUsage().arrayBuffers): where streamed bytes would pile up.',
      registers: [],
      collect() {
        this.set(process.memoryUsage().arrayBuffers);
      },
    }),
  );
  return {
    registry,
    requests: new Counter({
      name: `${METRIC_PREFIX}http_requests_total`,
      help: 'Requests answered, by method, route pattern (or "unmatched") and status ("aborted": the client left before the answer).',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    uploadsInFlight: new Gauge({
      name: `${METRIC_PREFIX}uploads_in_flight`,
      help: 'Upload requests being streamed right now: chunk PUTs and one-shot multipart uploads.',
      labelNames: ['kind'],
      registers,
    }),
    uploadBytes: new Counter({
      name: `${METRIC_PREFIX}upload_bytes_streamed_total`,
      help: 'Bytes read from clients on the upload routes (bodies plus their request headers), streamed on to TikTok.',
      labelNames: ['kind'],
      registers,
    }),
    chunkDuration: new Histogram({
      name: `${METRIC_PREFIX}chunk_duration_seconds`,
      help: 'Time from the start of a chunk PUT to the end of its answer, by outcome (ok, error, aborted).',
      labelNames: ['outcome'],
      // Chunks are 5–64 MiB (the last up to 128 MiB), from fast servers to slow phones.
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160],
      registers,
    }),
    tiktokErrors: new Counter({
      name: `${METRIC_PREFIX}tiktok_errors_total`,
      help: "Failures of calls to TikTok, by the proxy's error code they became (UPSTREAM_UNAVAILABLE, TIKTOK_REJECTED, …).",
      labelNames: ['code'],
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: `${METRIC_PREFIX}rate_limit_refusals_total`,
      help: 'Requests refused with 429 by our own limits, by route pattern.',
      labelNames: ['route'],
      registers,
    }),
    rateLimitStoreFallbacks: new Counter({
      name: `${METRIC_PREFIX}rate_limit_store_fallbacks_total`,
      help: 'Rate-limit decisions taken by this instance alone because the shared store (RATE_LIMIT_REDIS_URL) was unreachable.',
      registers,
    }),
  };
}
