import type { ApiError } from './api-error';

/**
 * Where authed calls get the creator's access token. The session belongs to the auth feature,
 * which `lib` may not import, so the app registers a loader here. It is its own module, free of
 * zod and the contract, so the app can register it without pulling the api client into the
 * landing page's first download; the loader runs on the first authed call.
 */
export type AccessTokenSource = {
  /** A token that is valid now, refreshed first if it is about to expire; null when signed out. */
  getAccessToken(): Promise<string | null>;
  /** The proxy refused `accessToken` (401): the session it belongs to is over. */
  rejected(accessToken: string, error: ApiError): void;
};

let load: (() => Promise<AccessTokenSource>) | undefined;

export function setAccessTokenSource(loader: (() => Promise<AccessTokenSource>) | undefined): void {
  load = loader;
}

export async function loadAccessTokenSource(): Promise<AccessTokenSource | undefined> {
  return load?.();
}
