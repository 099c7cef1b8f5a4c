import cors from '@fastify/cors';
import { CLIENT_HEADER, endpoints, UPLOAD_SESSION_HEADER } from '@content-studio/contract';
import type { FastifyInstance } from 'fastify';
import { REQUEST_ID_HEADER } from '../app/request-id';

/** Only the configured SPA origins, and no credentials: the bearer token is the whole identity. */
export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  await app.register(cors, {
    origin: [...allowedOrigins],
    credentials: false,
    methods: [...new Set(Object.values(endpoints).map((spec) => spec.method))],
    allowedHeaders: ['authorization', 'content-type', CLIENT_HEADER, UPLOAD_SESSION_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
