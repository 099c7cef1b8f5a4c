import Fastify, { type FastifyInstance } from 'fastify';
import type { ProxyMetrics } from './metrics';

/**
 * The scrape endpoint on its own port (docs/decisions/016): Render routes public traffic to `PORT`
 * only, so `METRICS_PORT` is reachable from the private network (a Prometheus agent beside the
 * proxy) and never from the internet, with no scrape credential to manage or leak.
 */
export function buildMetricsServer(metrics: ProxyMetrics): FastifyInstance {
  const { registry } = metrics;
  if (!registry) throw new Error('buildMetricsServer: metrics are disabled');
  const server = Fastify({ logger: false });
  server.get('/metrics', async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return server;
}
