import { appQueryClient } from '@/lib/query-client';
import { buildAuthorizeUrl, createOAuthState, rememberOAuthState } from '../oauth-state';
import { authConfigQueries } from './auth-config-queries';

/**
 * Prepares the trip to TikTok's consent page and returns its URL: a new `state` is remembered for
 * this tab first, so the callback can tell this sign-in from one it never started.
 */
export async function startSignIn(queryClient = appQueryClient()): Promise<string> {
  const config = await queryClient.fetchQuery(authConfigQueries.detail());
  const state = createOAuthState();
  rememberOAuthState(state);
  return buildAuthorizeUrl(config, state);
}
