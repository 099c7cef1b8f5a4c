import { buildOpenApiDocument, endpoints } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endpointRoute } from '../plugins/app/endpoint';

/** Liveness for Render and the container HEALTHCHECK, and the API's own description. */
export const healthRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({ ...endpointRoute(endpoints.health), handler: async () => ({ status: 'ok' as const }) });

  // Built once: it is derived from the contract's table, which cannot change at run time.
  const openApi = buildOpenApiDocument();
  app.route({ ...endpointRoute(endpoints.openApi), handler: async () => openApi });
};
