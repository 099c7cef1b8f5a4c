import { JSON_TYPE, type Reply } from '../http-io';
import { logId } from '../ids';
import type { SandboxState } from '../state';

export type ApiErrorCode =
  | 'ok'
  | 'access_token_invalid'
  | 'scope_not_authorized'
  | 'scope_permission_missed'
  | 'invalid_params'
  | 'invalid_file_upload'
  | 'rate_limit_exceeded'
  | 'internal_error'
  | 'spam_risk_too_many_posts'
  | 'spam_risk_user_banned_from_posting'
  | 'spam_risk_too_many_pending_share'
  | 'reached_active_user_cap'
  | 'unaudited_client_can_only_post_to_private_accounts'
  | 'url_ownership_unverified'
  | 'privacy_level_option_mismatch'
  | 'invalid_publish_id'
  | 'token_not_authorized_for_specified_publish_id'
  | 'publish_not_cancellable'
  | 'not_found'
  | 'method_not_allowed'
  | 'request_too_large';

/** Marks a value that must be written into the JSON text verbatim (TikTok's raw int64 post ids). */
export class RawJson {
  constructor(readonly text: string) {
    if (!/^-?\d+$/.test(text)) throw new Error('RawJson only carries integer literals');
  }
}

/**
 * JSON.stringify cannot write a 19-digit integer without rounding it, and the point of the sandbox
 * is to send exactly what TikTok sends (TikTok's Get Post Status page), so raw values go in through placeholders.
 */
export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
}

function envelope(st: SandboxState, status: number, data: unknown, code: ApiErrorCode, message: string): Reply {
  const id = logId(st.now());
  return {
    status,
    headers: { 'content-type': JSON_TYPE, 'x-tt-logid': id },
    body: stringifyWithRaw({ data, error: { code, message, log_id: id } }),
  };
}

export function ok(st: SandboxState, data: unknown): Reply {
  return envelope(st, 200, data, 'ok', '');
}

export function apiError(st: SandboxState, status: number, code: ApiErrorCode, message: string): Reply {
  return envelope(st, status, {}, code, message);
}
