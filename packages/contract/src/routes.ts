/** Paths of the proxy's API, shared so the SPA, msw handlers and proxy routes cannot drift apart. */
export const API_PREFIX = '/api/v1';

export const apiRoutes = {
  health: '/healthz',
  authConfig: `${API_PREFIX}/auth/config`,
  authToken: `${API_PREFIX}/auth/token`,
  authRefresh: `${API_PREFIX}/auth/refresh`,
  authRevoke: `${API_PREFIX}/auth/revoke`,
  me: `${API_PREFIX}/me`,
  creatorInfo: `${API_PREFIX}/creator-info`,
  uploads: `${API_PREFIX}/uploads`,
  uploadChunk: (publishId: string, index: number) =>
    `${API_PREFIX}/uploads/${encodeURIComponent(publishId)}/chunks/${index}`,
  uploadSession: (publishId: string) => `${API_PREFIX}/uploads/${encodeURIComponent(publishId)}/session`,
  videos: `${API_PREFIX}/videos`,
  openApi: `${API_PREFIX}/openapi.json`,
  postStatus: (publishId: string) => `${API_PREFIX}/posts/${encodeURIComponent(publishId)}/status`,
} as const;

/** The same paths as Fastify route patterns, for the proxy's route registration. */
export const routePatterns = {
  uploadChunk: `${API_PREFIX}/uploads/:publishId/chunks/:index`,
  uploadSession: `${API_PREFIX}/uploads/:publishId/session`,
  postStatus: `${API_PREFIX}/posts/:publishId/status`,
} as const;

/** Header carrying the sealed upload session with each chunk. */
export const UPLOAD_SESSION_HEADER = 'x-upload-session';

/**
 * Every mutating request carries this header. A custom header forces a CORS preflight, so a foreign
 * page cannot fire a "simple" cross-site POST at the proxy.
 */
export const CLIENT_HEADER = 'x-content-studio';
