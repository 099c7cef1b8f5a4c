import { z } from 'zod';
import { ErrorBodySchema } from './errors';
import { CLIENT_HEADER, endpoints, type EndpointSpec } from './routes';

type JsonSchema = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const json = (schema: z.ZodType) => ({ 'application/json': { schema: jsonSchema(schema) } });

const clientHeader = {
  name: CLIENT_HEADER,
  in: 'header',
  required: true,
  schema: { type: 'string', const: '1' },
  description: 'Forces a CORS preflight; required on every mutating request.',
};

/** Fastify's `:name` segments in OpenAPI's `{name}` spelling. */
export const openApiPath = (pattern: string) => pattern.replace(/:(\w+)/g, '{$1}');

/** One OpenAPI parameter per property of a params or headers schema, required unless optional. */
function parameters(where: 'path' | 'header', schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const described = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(described.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === 'path' || (described.required ?? []).includes(name),
    schema: property,
    ...(description === undefined ? {} : { description }),
  }));
}

interface RequestBody {
  required: true;
  description?: string;
  content: Record<string, { schema: JsonSchema }>;
}

function requestBody(spec: EndpointSpec): RequestBody | undefined {
  if (spec.body) return { required: true, content: json(spec.body) };
  if (spec.stream?.kind === 'binary') {
    return {
      required: true,
      description: spec.stream.description,
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    };
  }
  if (spec.stream?.kind === 'multipart') {
    return {
      required: true,
      content: {
        'multipart/form-data': { schema: { description: spec.stream.description, ...jsonSchema(spec.stream.fields) } },
      },
    };
  }
  return undefined;
}

function operation(spec: EndpointSpec) {
  const body = requestBody(spec);
  const params = [
    ...parameters('path', spec.params),
    // The proxy refuses a mutating request without it (plugins/app/client-header.ts).
    ...(spec.method === 'GET' ? [] : [clientHeader]),
    ...parameters('header', spec.headers),
  ];
  return {
    summary: spec.summary,
    ...(spec.auth === 'bearer' ? { security: [{ tiktokAccessToken: [] }] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(spec.response.status)]: { description: spec.response.description, content: json(spec.response.schema) },
      default: { description: 'Error (see code; retryable says whether to retry)', content: json(ErrorBodySchema) },
    },
  };
}

/**
 * The proxy's API as OpenAPI 3.1, generated from the endpoint table (routes.ts) the proxy registers
 * its routes from and the SPA calls through, so the document cannot drift from the code.
 */
export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const spec of Object.values(endpoints) as EndpointSpec[]) {
    const path = (paths[openApiPath(spec.path)] ??= {});
    path[spec.method.toLowerCase()] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Content Studio Pro proxy',
      version: '1',
      description:
        "Stateless proxy between the Content Studio Pro SPA (or a script) and TikTok. Authenticate with the creator's TikTok access token as a bearer token.",
    },
    components: {
      securitySchemes: {
        tiktokAccessToken: { type: 'http', scheme: 'bearer', description: 'TikTok user access token (act.…)' },
      },
    },
    paths,
  };
}
