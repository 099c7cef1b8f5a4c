import { apiRoutes, type HealthResponse } from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';

/** Liveness for Render and the container HEALTHCHECK: cheap, no upstream call, no auth. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(apiRoutes.health, async (): Promise<HealthResponse> => ({ status: 'ok' }));
};
