import { type HealthResponse, endpoints } from '@content-studio/contract';
import { HttpResponse, http } from 'msw';

export const healthHandlers = [
  http.get<never, never, HealthResponse>(endpoints.health.path, () => HttpResponse.json({ status: 'ok' })),
];
