import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Security headers. The proxy serves JSON only; the SPA's own CSP is set by its host (render.yaml). */
export async function registerHelmet(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
}
