import { apiRoutes, type HealthResponse } from '@content-studio/contract';
import { HttpResponse, http } from 'msw';

export const healthHandlers = [
  http.get<never, never, HealthResponse>(apiRoutes.health, () => HttpResponse.json({ status: 'ok' })),
];
