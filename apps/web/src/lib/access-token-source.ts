import type { ApiError } from './api-error';

/**
 * Where calls made as the connected creator get the access token, and where they report that the
 * proxy refused it. The session belongs to the auth feature, which `lib` may not import, so the app
 * registers a loader here. It is its own module, free of zod and the contract, so the app can
 * register it without pulling the api client into the landing page's first download; the loader
 * runs on the first authed call.
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

/**
 * The tab's registered source (the active account's) as one object, so the api client and the
 * upload engine take their tokens from, and report 401s to, the same place. Code that works for
 * one account is handed that account's source rather than reaching for this one: with several
 * accounts connected, each call goes out with its own account's token
 * (docs/decisions/025-several-accounts.md).
 */
export const registeredAccessTokens: AccessTokenSource = {
  async getAccessToken() {
    const source = await load?.();
    return source ? source.getAccessToken() : null;
  },
  rejected(accessToken, error) {
    void load?.().then((source) => source.rejected(accessToken, error));
  },
};
