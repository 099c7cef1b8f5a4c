import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { FastifyBaseLogger } from 'fastify';

/** Keys of every limit live under this prefix, so the proxy can share a Key Value instance. */
const KEY_PREFIX = 'content-studio:rate-limit:';

/**
 * How long one rate-limit decision may wait for the store before this instance decides alone: a
 * store that hangs must cost a request a fraction of a second, not its upload.
 */
const STORE_TIMEOUT_MS = 250;

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
type Incr = FastifyRateLimitStore['incr'];

interface Params {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}

export interface SharedLimitStore {
  /** The constructor @fastify/rate-limit's `store` option takes. */
  readonly Store: FastifyRateLimitStoreCtor;
  connect(): Promise<void>;
  close(): void;
}

/**
 * Counters in Redis/Valkey (RATE_LIMIT_REDIS_URL) so that N instances allow TikTok's rate once, not
 * N times, with a per-instance fallback.
 *
 * @fastify/rate-limit's own `redis` option with `skipOnError` would, on a store failure, let the
 * request through with *no* limit; without `skipOnError` it answers 500. Neither is what we want:
 * every decision is also counted in this instance's memory (the same LocalStore the plugin uses
 * without Redis), and while the store is unreachable the local count decides, so limits degrade to
 * exactly what a single instance enforced before, already warm.
 */
export async function createSharedLimitStore(
  url: string,
  log: FastifyBaseLogger,
  onFallback: () => void,
): Promise<SharedLimitStore> {
  // Loaded only when configured: ioredis alone adds several MB to a fresh process's RSS.
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    // Fail a command at once while disconnected instead of queueing it behind a reconnect.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: STORE_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Keep trying for as long as the proxy runs; every decision meanwhile is local.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });

  // Logged once per outage, without the URL (it may carry the store's password). ioredis would
  // print unhandled 'error' events to the console itself, so there is always a listener.
  let down = false;
  function markDown(reason: string) {
    if (down) return;
    down = true;
    log.warn({ reason }, 'rate-limit store unreachable: limits are per instance until it returns');
  }
  redis.on('error', (error: NodeJS.ErrnoException) => markDown(error.code ?? error.name));
  redis.on('close', () => markDown('connection closed'));
  redis.on('ready', () => {
    if (down) log.info('rate-limit store reachable again: limits are shared');
    down = false;
  });

  function decide(remote: Incr, local: Incr, key: string, cb: Callback, timeWindow: number, max: number) {
    let localResult: Result | undefined;
    local(key, (_error, result) => (localResult = result), timeWindow, max);
    const fallBack = () => {
      markDown(redis.status === 'ready' ? 'command failed' : redis.status);
      onFallback();
      cb(null, localResult);
    };
    if (redis.status !== 'ready') return fallBack();
    remote(key, (error, result) => (error || !result ? fallBack() : cb(null, result)), timeWindow, max);
  }

  class Shared implements FastifyRateLimitStore {
    constructor(
      private readonly remote: FastifyRateLimitStore,
      private readonly local: FastifyRateLimitStore,
    ) {}

    incr(key: string, cb: Callback, timeWindow: number, max: number) {
      decide(this.remote.incr.bind(this.remote), this.local.incr.bind(this.local), key, cb, timeWindow, max);
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new Shared(this.remote.child(routeOptions), this.local.child(routeOptions));
    }
  }

  class RootStore extends Shared {
    constructor(options: FastifyRateLimitOptions) {
      const params = options as Params;
      super(
        new RedisStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false, redis, KEY_PREFIX),
        new LocalStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false),
      );
    }
  }

  return {
    Store: RootStore,
    async connect() {
      // An unreachable store at start is an outage like any other: logged by 'error', retried.
      await redis.connect().catch(() => undefined);
    },
    close() {
      redis.disconnect();
    },
  };
}
