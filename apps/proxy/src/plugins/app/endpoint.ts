import type { EndpointSpec } from '@content-studio/contract';
import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

/**
 * Routes validate their params, headers and JSON bodies with the contract's zod schemas, and their
 * answers are encoded with the schema of their success status: an answer that does not match is an
 * error (500), never sent as-is, and fields the contract does not name are dropped.
 */
export function useContractSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}

type Present<E, K extends string> = E extends { [P in K]: infer S } ? { [P in K]: S } : unknown;

type RouteSchema<E extends EndpointSpec> = Present<E, 'params'> &
  Present<E, 'headers'> &
  Present<E, 'body'> & { response: { [S in E['response']['status']]: E['response']['schema'] } };

export interface EndpointRouteOptions {
  config?: Omit<FastifyContextConfig, 'auth'>;
  bodyLimit?: number;
}

/**
 * The route options of one endpoint of the contract's table, to spread into
 * `app.withTypeProvider<ZodTypeProvider>().route({ ...endpointRoute(spec), handler })`: method, path,
 * schemas and the `auth` flag all come from the table, so a route cannot differ from its entry.
 */
export function endpointRoute<E extends EndpointSpec>(spec: E, options: EndpointRouteOptions = {}) {
  // Only the parts the endpoint has: Fastify warns about a schema key that is present but undefined.
  const schema = {
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    response: { [spec.response.status]: spec.response.schema },
  } as RouteSchema<E>;
  return {
    method: spec.method,
    url: spec.path,
    schema,
    config: { ...options.config, auth: spec.auth },
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
  };
}
