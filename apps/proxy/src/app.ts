import Fastify, { LogController, type FastifyInstance, type RouteOptions } from 'fastify';
import type { Config } from './config';
import { loggerOptions } from './logging';
import { createProxyMetrics } from './metrics/metrics';
import { buildMetricsServer } from './metrics/metrics-server';
import { registerRequestMetrics } from './metrics/request-metrics';
import { registerBearerAuth } from './plugins/app/bearer';
import { requireClientHeader } from './plugins/app/client-header';
import { refuseWhileClosing } from './plugins/app/closing';
import { registerErrorHandler } from './plugins/app/error-handler';
import { useContractSchemas } from './plugins/app/endpoint';
import { echoRequestId, requestIdFor } from './plugins/app/request-id';
import { settleUnreadBodies } from './plugins/app/unread-body';
import { registerCors } from './plugins/external/cors';
import { registerHelmet } from './plugins/external/helmet';
import { registerRateLimits } from './plugins/external/rate-limit';
import { registerUnderPressure, type PressureOptions } from './plugins/external/under-pressure';
import { authRoutes } from './routes/auth';
import { authConfigRoutes } from './routes/auth-config';
import { meRoutes } from './routes/me';
import { postsRoutes } from './routes/posts';
import { uploadsRoutes } from './routes/uploads';
import { videosRoutes } from './routes/videos';
import { createSealer } from './seal/seal';
import { createTikTokClient, createTikTokDispatcher, type TikTokClientOptions, type TikTokDispatcher } from './tiktok';
import { healthRoutes } from './routes/health';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus endpoint's own server, when METRICS_PORT is set (server.ts listens on it). */
    metricsServer?: FastifyInstance;
  }
}

export interface AppDeps {
  /** Where pino writes; tests capture it to scan for leaked secrets. */
  logStream?: NodeJS.WritableStream;
  /** How the proxy reaches TikTok: a pooled Agent in production, MockAgent in unit tests. */
  dispatcher?: TikTokDispatcher;
  /** Clock for expiries of sealed blobs. */
  now?: () => number;
  /** Overload thresholds and an extra health signal (tests force overload with it). */
  pressure?: PressureOptions;
  /** How long a client socket may stay silent (default 60 s); tests shorten it. */
  socketIdleTimeoutMs?: number;
  /** Shorter upstream timeouts, so tests can prove a stalled TikTok becomes a clear error. */
  tiktokTimeouts?: TikTokClientOptions['timeouts'];
  /** Sees every route as it is registered, so a test can hold them against the endpoint table. */
  onRoute?: (route: RouteOptions) => void;
}

/** JSON bodies of this API are small; anything larger is a mistake or an attack. */
const JSON_BODY_LIMIT = 64 * 1024;

/**
 * Builds the whole app with no side effects: no listening, no process hooks. Every plugin and route is
 * registered here explicitly, in order, so this file is the map of the proxy.
 */
export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    bodyLimit: JSON_BODY_LIMIT,
    // Believe X-Forwarded-For only for the proxies we know sit in front (Render's router): a client
    // cannot then spoof its IP and dodge per-IP limits.
    trustProxy: (_address: string, hop: number) => hop < config.server.trustProxyHops,
    // One id per request in every log line and error body; Render's own id is kept when it is
    // well-formed (plugins/app/request-id.ts), so a client cannot push garbage into the log.
    requestIdHeader: false,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Replaced by plugins/app/closing.ts, which answers with the contract's error body.
    return503OnClosing: false,
    // Slow clients: a socket silent for a minute is dropped (slowloris; a stalled browser upload),
    // but a slow yet moving 128 MiB chunk must not hit a whole-request deadline, so there is none.
    connectionTimeout: deps.socketIdleTimeoutMs ?? 60_000,
    requestTimeout: 0,
    keepAliveTimeout: 5_000,
    http: { headersTimeout: 20_000 },
  });

  // Without METRICS_PORT the instruments do nothing and prom-client is not even loaded; with it, the
  // endpoint, the per-request hooks and Node's default collectors (docs/decisions/016).
  const metrics = await createProxyMetrics(config.metrics !== undefined);
  if (config.metrics) {
    // Listening is server.ts's job, like the app's own port.
    const metricsServer = buildMetricsServer(metrics);
    app.decorate('metricsServer', metricsServer);
    app.addHook('onClose', async () => {
      await metricsServer.close();
      metrics.registry?.clear();
    });
  }

  if (deps.onRoute) app.addHook('onRoute', deps.onRoute);

  // First, so that every reply, including those of hooks that refuse early, passes through them.
  echoRequestId(app);
  if (config.metrics) registerRequestMetrics(app, metrics);
  settleUnreadBodies(app);
  registerErrorHandler(app, metrics);
  refuseWhileClosing(app);

  await registerHelmet(app);
  await registerCors(app, config.allowedOrigins);

  await registerUnderPressure(app, deps.pressure);
  const limitInit = await registerRateLimits(app, { metrics, redisUrl: config.rateLimitRedisUrl });
  requireClientHeader(app);
  // Every route below comes from the contract's endpoint table (plugins/app/endpoint.ts); its
  // `auth: 'bearer'` flag adds the token check, after the rate limits' own per-route hooks.
  useContractSchemas(app);
  registerBearerAuth(app);

  await app.register(healthRoutes);
  await app.register(authConfigRoutes, { config });

  const now = deps.now ?? Date.now;
  const dispatcher = deps.dispatcher ?? createTikTokDispatcher();
  // An injected dispatcher belongs to the test that made it; our own pool closes with the app.
  if (!deps.dispatcher) app.addHook('onClose', async () => dispatcher.close());
  const tiktok = createTikTokClient({
    dispatcher,
    apiBaseUrl: config.tiktok.apiBaseUrl,
    clientKey: config.tiktok.clientKey,
    clientSecret: config.tiktok.clientSecret,
    redirectUri: config.tiktok.redirectUri,
    uploadOrigins: config.tiktok.uploadOrigins,
    ...(deps.tiktokTimeouts ? { timeouts: deps.tiktokTimeouts } : {}),
  });
  const sealer = createSealer(config.sealKey, now);

  await app.register(authRoutes, { tiktok, sealer, now });
  await app.register(meRoutes, { tiktok });
  await app.register(postsRoutes, { tiktok });
  await app.register(uploadsRoutes, { tiktok, sealer, now, limitInit });
  await app.register(videosRoutes, { tiktok, limitInit });

  return app;
}
