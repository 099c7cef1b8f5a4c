import { type Reply, htmlReply, mediaType, readBody, redirectReply } from '../http-io';
import { authCode } from '../ids';
import type { RouteContext } from '../route-context';
import type { SandboxState } from '../state';
import { consentPage, errorPage } from './authorize-page';
import { ALWAYS_GRANTED, isKnownScope, parseScopeList, type Scope } from './scopes';

/** Query flag that makes Authorize answer like TikTok does for a user who is not a sandbox Target User. */
export const SANDBOX_ERROR_TYPE_PARAM = 'sandbox_error_type';
/** Query flag that pre-selects an account on the consent page (open_id, short name or username). */
export const SANDBOX_ACCOUNT_PARAM = 'sandbox_account';

interface AuthorizeRequest {
  clientKey: string;
  redirectUri: string;
  state: string;
  scopeParam: string;
  scopes: Scope[];
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  errorType: string | undefined;
}

type Checked = { ok: true; request: AuthorizeRequest } | { ok: false; reply: Reply };

function redirectWithParams(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const target = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) target.searchParams.append(k, v);
  return redirectReply(target.toString());
}

function redirectError(
  redirectUri: string,
  state: string | undefined,
  error: string,
  description: string,
  errorType?: string,
): Reply {
  return redirectWithParams(redirectUri, {
    error,
    error_type: errorType,
    error_description: description,
    state: state || undefined,
  });
}

/**
 * Client and redirect URI are checked first and fail on a page of our own: redirecting to an
 * unregistered URI would hand codes or errors to whoever asked. Everything after that goes back to
 * the (now trusted) redirect URI as `error=…`, as TikTok does.
 */
function checkRequest(params: URLSearchParams, st: SandboxState): Checked {
  const clientKey = params.get('client_key') ?? '';
  if (clientKey !== st.options.clientKey) {
    return {
      ok: false,
      reply: htmlReply(
        400,
        errorPage('unauthorized_client', 'client_key', 'The client_key is missing or not registered.'),
      ),
    };
  }
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!st.options.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      reply: htmlReply(
        400,
        errorPage(
          'unauthorized_client',
          'redirect_uri',
          'The redirect_uri does not match any registered redirect URI.',
        ),
      ),
    };
  }
  const state = params.get('state') ?? '';
  if (params.get('response_type') !== 'code') {
    return {
      ok: false,
      reply: redirectError(redirectUri, state, 'unsupported_response_type', 'response_type must be code.'),
    };
  }
  const scopeParam = params.get('scope') ?? '';
  const requested = parseScopeList(scopeParam);
  if (requested.length === 0) {
    return { ok: false, reply: redirectError(redirectUri, state, 'invalid_scope', 'scope is required.') };
  }
  const unknown = requested.filter((s) => !isKnownScope(s));
  if (unknown.length > 0) {
    return {
      ok: false,
      reply: redirectError(redirectUri, state, 'invalid_scope', `Unknown or unauthorized scope: ${unknown.join(',')}.`),
    };
  }
  if (!state) {
    return { ok: false, reply: redirectError(redirectUri, undefined, 'invalid_request', 'state is required.') };
  }
  const scopes = requested.filter(isKnownScope);
  return {
    ok: true,
    request: {
      clientKey,
      redirectUri,
      state,
      scopeParam,
      scopes: scopes.includes(ALWAYS_GRANTED) ? scopes : [ALWAYS_GRANTED, ...scopes],
      codeChallenge: params.get('code_challenge') || undefined,
      codeChallengeMethod: params.get('code_challenge_method') || undefined,
      errorType: params.get(SANDBOX_ERROR_TYPE_PARAM) || undefined,
    },
  };
}

function findAccount(st: SandboxState, hint: string | null): string | undefined {
  if (!hint) return undefined;
  for (const a of st.accounts.values()) {
    if (a.openId === hint || a.openId === `sb-open-${hint}` || a.username === hint) return a.openId;
  }
  return undefined;
}

export async function showAuthorize(ctx: RouteContext): Promise<Reply> {
  const checked = checkRequest(ctx.url.searchParams, ctx.state);
  if (!checked.ok) return checked.reply;
  const r = checked.request;
  const accounts = [...ctx.state.accounts.values()];
  const hidden: Record<string, string> = {
    client_key: r.clientKey,
    response_type: 'code',
    redirect_uri: r.redirectUri,
    state: r.state,
    scope: r.scopeParam,
  };
  if (r.codeChallenge) hidden.code_challenge = r.codeChallenge;
  if (r.codeChallengeMethod) hidden.code_challenge_method = r.codeChallengeMethod;
  if (r.errorType) hidden[SANDBOX_ERROR_TYPE_PARAM] = r.errorType;
  return htmlReply(
    200,
    consentPage({
      appName: ctx.state.options.appName,
      accounts,
      preselectedOpenId: findAccount(ctx.state, ctx.url.searchParams.get(SANDBOX_ACCOUNT_PARAM)) ?? accounts[0]?.openId,
      requestedScopes: r.scopes,
      hidden,
      postsCap: ctx.state.options.postsPerDayCap,
    }),
  );
}

export async function submitAuthorize(ctx: RouteContext): Promise<Reply> {
  if (mediaType(ctx.req.headers['content-type']) !== 'application/x-www-form-urlencoded') {
    return htmlReply(400, errorPage('invalid_request', 'form', 'The consent form must be posted form-encoded.'));
  }
  const body = await readBody(ctx.req, 64 * 1024);
  if (!body.ok) return htmlReply(400, errorPage('invalid_request', 'form', 'The consent form could not be read.'));
  const form = new URLSearchParams(body.body.toString('utf8'));
  const checked = checkRequest(form, ctx.state);
  if (!checked.ok) return checked.reply;
  const r = checked.request;
  const action = form.get('action');
  if (action === 'cancel') {
    ctx.logNote = 'cancelled';
    return redirectError(r.redirectUri, r.state, 'access_denied', 'The user denied the authorization request.');
  }
  if (action !== 'authorize') {
    return htmlReply(400, errorPage('invalid_request', 'form', 'Press Authorize or Cancel.'));
  }
  const account = ctx.state.accounts.get(form.get('open_id') ?? '');
  if (!account) {
    return htmlReply(400, errorPage('invalid_request', 'account', 'Choose one of the test accounts.'));
  }
  if (account.sandboxTargetUser === false || r.errorType === 'non_sandbox_target') {
    ctx.logNote = 'non_sandbox_target';
    return redirectError(
      r.redirectUri,
      r.state,
      'access_denied',
      'The user is not a target user of this sandbox app.',
      'non_sandbox_target',
    );
  }
  const ticked = new Set(form.getAll('granted_scope'));
  const granted = r.scopes.filter((s) => s === ALWAYS_GRANTED || ticked.has(s));
  const code = authCode();
  ctx.state.codes.set(code, {
    clientKey: r.clientKey,
    openId: account.openId,
    scopes: granted,
    redirectUri: r.redirectUri,
    codeChallenge: r.codeChallenge,
    expiresAt: ctx.state.now() + ctx.state.options.authCodeTtlSec * 1000,
    used: false,
  });
  ctx.logNote = `account=${account.openId} scopes=${granted.join(',')}`;
  return redirectWithParams(r.redirectUri, { code, scopes: granted.join(','), state: r.state });
}
