import { z } from 'zod';
import { HealthResponseSchema } from './health';
import {
  ChunkResponseSchema,
  CreateUploadRequestSchema,
  CreateUploadResponseSchema,
  CreatorInfoSchema,
  OneShotUploadFieldsSchema,
  PublishIdSchema,
  PublishStatusSchema,
  RenewedUploadSessionSchema,
  VideoUploadedResponseSchema,
} from './posting';
import {
  AuthConfigSchema,
  ProfileSchema,
  RefreshRequestSchema,
  RevokeResponseSchema,
  SessionGrantSchema,
  TokenExchangeRequestSchema,
} from './session';

export const API_PREFIX = '/api/v1';

/** Header carrying the sealed upload session with each chunk. */
export const UPLOAD_SESSION_HEADER = 'x-upload-session';

/**
 * Every mutating request carries this header. A custom header forces a CORS preflight, so a foreign
 * page cannot fire a "simple" cross-site POST at the proxy.
 */
export const CLIENT_HEADER = 'x-content-studio';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/**
 * A body the proxy never parses: its bytes stream on to TikTok as they arrive (buffering a 4 GB video
 * is not an option). The table only describes it, for the OpenAPI document.
 */
export type StreamedBody =
  { kind: 'binary'; description: string } | { kind: 'multipart'; description: string; fields: z.ZodType };

/**
 * One endpoint of the proxy's API. Every error is answered with `ErrorBodySchema` (errors.ts), so the
 * table names the success answer only.
 */
export interface EndpointSpec {
  method: HttpMethod;
  /** Fastify's pattern: `:name` for a path parameter, each described by `params`. */
  path: string;
  summary: string;
  /** `bearer`: the proxy refuses the request with 401 UNAUTHENTICATED before it reads the body. */
  auth: 'none' | 'bearer';
  params?: z.ZodObject;
  /** Headers the route reads, besides `authorization` and the client header (both implied). */
  headers?: z.ZodObject;
  /** A JSON body, validated by the proxy before its handler runs. */
  body?: z.ZodType;
  stream?: StreamedBody;
  response: { status: 200 | 201; description: string; schema: z.ZodType };
}

const endpoint = <const E extends EndpointSpec>(spec: E): E => spec;

const PublishIdParamsSchema = z.object({ publishId: PublishIdSchema.describe('From the upload session') });

/**
 * Optional here so that its absence is answered by the route itself (UPLOAD_SESSION_INVALID, "start
 * the upload again"), which the SPA acts on, rather than as a generic validation failure.
 */
const UploadSessionHeadersSchema = z.object({
  [UPLOAD_SESSION_HEADER]: z.string().optional().describe('The sealed uploadSession (required)'),
});

/** Only what a client may rely on; the full document is whatever `buildOpenApiDocument` returns. */
export const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.unknown()),
});

/**
 * The proxy's API, each endpoint once: the proxy registers its routes from this table (validation,
 * serialization, authentication), the SPA calls through it, and the OpenAPI document is generated
 * from it (openapi.ts). A test compares the table with the routes the proxy actually registers.
 */
export const endpoints = {
  health: endpoint({
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness',
    auth: 'none',
    response: { status: 200, description: 'Alive', schema: HealthResponseSchema },
  }),
  openApi: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/openapi.json`,
    summary: 'This document',
    auth: 'none',
    response: { status: 200, description: 'OpenAPI 3.1', schema: OpenApiDocumentSchema },
  }),
  authConfig: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/auth/config`,
    summary: 'Public facts to start TikTok sign-in',
    auth: 'none',
    response: { status: 200, description: 'Sign-in settings', schema: AuthConfigSchema },
  }),
  authToken: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/auth/token`,
    summary: 'Exchange an authorization code',
    auth: 'none',
    body: TokenExchangeRequestSchema,
    response: { status: 200, description: 'Session grant (refresh token sealed)', schema: SessionGrantSchema },
  }),
  authRefresh: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/auth/refresh`,
    summary: 'Refresh with the sealed refresh token (rotates)',
    auth: 'none',
    body: RefreshRequestSchema,
    response: { status: 200, description: 'New session grant', schema: SessionGrantSchema },
  }),
  authRevoke: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/auth/revoke`,
    summary: 'Revoke the access token at TikTok',
    auth: 'bearer',
    response: { status: 200, description: 'Revoked', schema: RevokeResponseSchema },
  }),
  me: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/me`,
    summary: 'The connected creator (user.info.basic)',
    auth: 'bearer',
    response: { status: 200, description: 'Profile', schema: ProfileSchema },
  }),
  creatorInfo: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/creator-info`,
    summary: 'What the creator may post now (fresh from TikTok)',
    auth: 'bearer',
    response: { status: 200, description: 'Creator info', schema: CreatorInfoSchema },
  }),
  uploads: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/uploads`,
    summary: 'Start a resumable upload (TikTok init)',
    auth: 'bearer',
    body: CreateUploadRequestSchema,
    response: { status: 201, description: 'Upload session and chunk plan', schema: CreateUploadResponseSchema },
  }),
  uploadSession: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/uploads/:publishId/session`,
    summary: 'Re-bind an upload session to the current access token (after a token refresh); same deadline',
    auth: 'bearer',
    params: PublishIdParamsSchema,
    headers: UploadSessionHeadersSchema,
    response: { status: 200, description: 'The upload session for this token', schema: RenewedUploadSessionSchema },
  }),
  uploadChunk: endpoint({
    method: 'PUT',
    path: `${API_PREFIX}/uploads/:publishId/chunks/:index`,
    summary: 'Send one chunk (exact bytes of the plan), streamed to TikTok',
    auth: 'bearer',
    params: PublishIdParamsSchema.extend({
      index: z.coerce.number().int().min(0).max(999).describe('0-based chunk index'),
    }),
    headers: UploadSessionHeadersSchema,
    stream: { kind: 'binary', description: 'Exactly the bytes of this chunk of the plan' },
    response: { status: 200, description: 'Chunk accepted', schema: ChunkResponseSchema },
  }),
  videos: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/videos`,
    summary: 'One-shot upload: multipart fields mode, videoSize, post (JSON), then the file part "video"',
    auth: 'bearer',
    stream: { kind: 'multipart', description: 'Fields before the file', fields: OneShotUploadFieldsSchema },
    response: { status: 201, description: 'Uploaded; TikTok is processing', schema: VideoUploadedResponseSchema },
  }),
  postStatus: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/posts/:publishId/status`,
    summary: 'Processing status of a post',
    auth: 'bearer',
    params: z.object({ publishId: PublishIdSchema.describe('TikTok publish id') }),
    response: { status: 200, description: 'Status', schema: PublishStatusSchema },
  }),
} as const satisfies Record<string, EndpointSpec>;

export type EndpointName = keyof typeof endpoints;

/** What a caller fills into an endpoint's `:name` segments. */
export type PathParams<E extends EndpointSpec> = E['params'] extends z.ZodObject
  ? { [K in keyof z.output<E['params']>]: string | number }
  : Record<string, never>;

/** The concrete path of one call: each `:name` replaced by its value, URL-encoded. */
export function endpointPath<E extends EndpointSpec>(spec: E, params?: PathParams<E>): string {
  return spec.path.replace(/:(\w+)/g, (_segment, name: string) => {
    const value = (params as Record<string, string | number> | undefined)?.[name];
    if (value === undefined) throw new Error(`${spec.method} ${spec.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
