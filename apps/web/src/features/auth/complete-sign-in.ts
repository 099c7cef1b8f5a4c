import { isApiError } from '@/lib/api-error';
import { signIn } from './api/sign-in';
import { takeOAuthState } from './oauth-state';

/** Why a return from TikTok did not end in a session; each has its own explanation on screen. */
export type CallbackProblem =
  /** No sign-in was started in this tab, or its state was already used. */
  | 'state-missing'
  /** The state in the URL is not the one this tab made: possibly forged. */
  | 'state-mismatch'
  | 'cancelled'
  | 'not-test-user'
  | 'app-misconfigured'
  /** TikTok returned an error we have no specific words for. */
  | 'tiktok-error'
  | 'no-code'
  /** The code was refused by TikTok: expired or already used. */
  | 'code-rejected'
  | 'storage-blocked'
  | 'server-unavailable'
  | 'unexpected';

export type CallbackOutcome =
  { kind: 'signed-in' } | { kind: 'refused'; problem: CallbackProblem; tiktokError?: string };

let last: { search: string; outcome: Promise<CallbackOutcome> } | undefined;

/**
 * Finishes the sign-in TikTok redirected back with. The same URL gets the same (single) attempt:
 * React StrictMode runs the callback page's effect twice, and TikTok's code must never be posted
 * twice (the second exchange would fail and could hide the first one's success).
 */
export function completeSignIn(search: string): Promise<CallbackOutcome> {
  if (last?.search !== search) last = { search, outcome: attempt(new URLSearchParams(search)) };
  return last.outcome;
}

async function attempt(params: URLSearchParams): Promise<CallbackOutcome> {
  // The state comes first, before the error or the code is even looked at, and it is used up
  // whatever happens next: nothing is sent anywhere for a callback this tab did not start.
  const expected = takeOAuthState();
  const state = params.get('state');
  if (!expected) return refused('state-missing');
  if (state !== expected) return refused('state-mismatch');

  const error = params.get('error');
  if (error) return refusedByTikTok(error, params.get('error_type'));

  const code = params.get('code');
  if (!code) return refused('no-code');
  try {
    await signIn({ code });
    return { kind: 'signed-in' };
  } catch (failure) {
    return refused(problemOf(failure));
  }
}

function refused(problem: CallbackProblem): CallbackOutcome {
  return { kind: 'refused', problem };
}

/** TikTok's error values (TikTok's Login Kit for Web), including the non-standard `error_type`. */
function refusedByTikTok(error: string, errorType: string | null): CallbackOutcome {
  if (errorType === 'non_sandbox_target') return refused('not-test-user');
  if (error === 'access_denied') return refused('cancelled');
  if (error === 'unauthorized_client' || errorType === 'client_key' || error === 'invalid_client') {
    return refused('app-misconfigured');
  }
  // Only a plain error code is echoed back; `error_description` is attacker-controllable text in
  // a URL anyone can craft, so it is never shown as if it were our own message.
  const safe = /^[a-z_]{1,40}$/.test(error) ? error : undefined;
  return safe ? { kind: 'refused', problem: 'tiktok-error', tiktokError: safe } : refused('tiktok-error');
}

function problemOf(failure: unknown): CallbackProblem {
  if (!isApiError(failure)) return failure instanceof DOMException ? 'storage-blocked' : 'unexpected';
  switch (failure.code) {
    case 'OAUTH_CODE_INVALID':
      return 'code-rejected';
    case 'OAUTH_CLIENT_MISCONFIGURED':
      return 'app-misconfigured';
    default:
      return failure.retryable ? 'server-unavailable' : 'unexpected';
  }
}
