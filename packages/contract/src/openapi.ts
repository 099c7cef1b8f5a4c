import { z } from 'zod';
import { ErrorBodySchema } from './errors';
import { HealthResponseSchema } from './health';
import {
  ChunkResponseSchema,
  CreateUploadRequestSchema,
  CreateUploadResponseSchema,
  CreatorInfoSchema,
  OneShotUploadFieldsSchema,
  PublishStatusSchema,
  RenewedUploadSessionSchema,
  VideoUploadedResponseSchema,
} from './posting';
import { apiRoutes, CLIENT_HEADER, routePatterns, UPLOAD_SESSION_HEADER } from './routes';
import {
  AuthConfigSchema,
  ProfileSchema,
  RefreshRequestSchema,
  RevokeResponseSchema,
  SessionGrantSchema,
  TokenExchangeRequestSchema,
} from './session';

const json = (schema: z.ZodType) => ({
  'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) },
});
const ok = (description: string, schema: z.ZodType, status = '200') => ({
  [status]: { description, content: json(schema) },
  default: { description: 'Error (see code; retryable says whether to retry)', content: json(ErrorBodySchema) },
});
const bearer = [{ tiktokAccessToken: [] }];
const clientHeader = {
  name: CLIENT_HEADER,
  in: 'header',
  required: true,
  schema: { type: 'string', const: '1' },
  description: 'Forces a CORS preflight; required on every mutating request.',
};
const openApiPath = (pattern: string) => pattern.replace(/:(\w+)/g, '{$1}');
const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});

/**
 * The proxy's API as OpenAPI 3.1, generated from the same zod schemas the proxy validates with and
 * the SPA parses with, so the document cannot drift from the code.
 */
export function buildOpenApiDocument() {
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
    paths: {
      [apiRoutes.health]: { get: { summary: 'Liveness', responses: ok('Alive', HealthResponseSchema) } },
      [apiRoutes.authConfig]: {
        get: { summary: 'Public facts to start TikTok sign-in', responses: ok('Sign-in settings', AuthConfigSchema) },
      },
      [apiRoutes.authToken]: {
        post: {
          summary: 'Exchange an authorization code',
          parameters: [clientHeader],
          requestBody: { required: true, content: json(TokenExchangeRequestSchema) },
          responses: ok('Session grant (refresh token sealed)', SessionGrantSchema),
        },
      },
      [apiRoutes.authRefresh]: {
        post: {
          summary: 'Refresh with the sealed refresh token (rotates)',
          parameters: [clientHeader],
          requestBody: { required: true, content: json(RefreshRequestSchema) },
          responses: ok('New session grant', SessionGrantSchema),
        },
      },
      [apiRoutes.authRevoke]: {
        post: {
          summary: 'Revoke the access token at TikTok',
          security: bearer,
          parameters: [clientHeader],
          responses: ok('Revoked', RevokeResponseSchema),
        },
      },
      [apiRoutes.me]: {
        get: {
          summary: 'The connected creator (user.info.basic)',
          security: bearer,
          responses: ok('Profile', ProfileSchema),
        },
      },
      [apiRoutes.creatorInfo]: {
        get: {
          summary: 'What the creator may post now (fresh from TikTok)',
          security: bearer,
          responses: ok('Creator info', CreatorInfoSchema),
        },
      },
      [apiRoutes.uploads]: {
        post: {
          summary: 'Start a resumable upload (TikTok init)',
          security: bearer,
          parameters: [clientHeader],
          requestBody: { required: true, content: json(CreateUploadRequestSchema) },
          responses: ok('Upload session and chunk plan', CreateUploadResponseSchema, '201'),
        },
      },
      [openApiPath(routePatterns.uploadChunk)]: {
        put: {
          summary: 'Send one chunk (exact bytes of the plan), streamed to TikTok',
          security: bearer,
          parameters: [
            pathParam('publishId', 'From the upload session'),
            pathParam('index', '0-based chunk index'),
            clientHeader,
            {
              name: UPLOAD_SESSION_HEADER,
              in: 'header',
              required: true,
              schema: { type: 'string' },
              description: 'The sealed uploadSession',
            },
          ],
          requestBody: {
            required: true,
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: ok('Chunk accepted', ChunkResponseSchema),
        },
      },
      [openApiPath(routePatterns.uploadSession)]: {
        post: {
          summary: 'Re-bind an upload session to the current access token (after a token refresh); same deadline',
          security: bearer,
          parameters: [
            pathParam('publishId', 'From the upload session'),
            clientHeader,
            {
              name: UPLOAD_SESSION_HEADER,
              in: 'header',
              required: true,
              schema: { type: 'string' },
              description: 'The sealed uploadSession',
            },
          ],
          responses: ok('The upload session for this token', RenewedUploadSessionSchema),
        },
      },
      [apiRoutes.videos]: {
        post: {
          summary: 'One-shot upload: multipart fields mode, videoSize, post (JSON), then the file part "video"',
          security: bearer,
          parameters: [clientHeader],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  description: 'Fields before the file',
                  ...z.toJSONSchema(OneShotUploadFieldsSchema, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          },
          responses: ok('Uploaded; TikTok is processing', VideoUploadedResponseSchema, '201'),
        },
      },
      [openApiPath(routePatterns.postStatus)]: {
        get: {
          summary: 'Processing status of a post',
          security: bearer,
          parameters: [pathParam('publishId', 'TikTok publish id')],
          responses: ok('Status', PublishStatusSchema),
        },
      },
    },
  };
}
