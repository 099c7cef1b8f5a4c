import { apiRoutes, buildOpenApiDocument, type HealthResponse } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';

/** Liveness for Render and the container HEALTHCHECK, and the API's own description. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(apiRoutes.health, async (): Promise<HealthResponse> => ({ status: 'ok' }));

  // Built once: it is derived from the contract's schemas, which cannot change at run time.
  const openApi = buildOpenApiDocument();
  app.get(apiRoutes.openApi, async () => openApi);
};
