import { CLIENT_HEADER, endpointPath, endpoints, UPLOAD_SESSION_HEADER } from '@content-studio/contract';
import { env } from '@/config/env';
import { apiFetch, errorFromBody } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import type { UploadTransport } from '../engine/upload-types';
import { t } from '@/lib/i18n';

/**
 * The real transport: JSON calls through `apiFetch`, chunks through XHR, because only XHR reports
 * upload progress (`xhr.upload.onprogress`); fetch has no equivalent in browsers today.
 */
export function createHttpUploadTransport(baseUrl: string = env.apiBaseUrl): UploadTransport {
  return {
    init: (request, { accessToken, signal }) =>
      apiFetch(endpoints.uploads, { body: request, accessToken, signal, baseUrl }),

    status: (publishId, { accessToken, signal }) =>
      apiFetch(endpoints.postStatus, { params: { publishId }, accessToken, signal, baseUrl }),

    renewSession: ({ publishId, uploadSession }, { accessToken, signal }) =>
      apiFetch(endpoints.uploadSession, {
        params: { publishId },
        headers: { [UPLOAD_SESSION_HEADER]: uploadSession },
        accessToken,
        signal,
        baseUrl,
      }),

    putChunk: ({ publishId, uploadSession, index, body, accessToken }, onProgress, signal) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        const xhr = new XMLHttpRequest();
        // Settles once, whichever comes first: the answer, a network error or our own abort.
        let settled = false;
        const settle = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          outcome();
        };
        // Reject at once rather than waiting for the XHR's abort event, which some environments
        // (and request interceptors) never dispatch for a request still waiting for its answer.
        const onAbort = () =>
          settle(() => {
            xhr.abort();
            reject(signal.reason);
          });
        signal.addEventListener('abort', onAbort, { once: true });

        // Not through apiFetch (XHR, see above), but still from the endpoint's entry.
        const chunk = endpoints.uploadChunk;
        xhr.open(
          chunk.method,
          new URL(`${baseUrl}${endpointPath(chunk, { publishId, index })}`, window.location.origin).toString(),
        );
        xhr.withCredentials = false;
        xhr.setRequestHeader('authorization', `Bearer ${accessToken}`);
        xhr.setRequestHeader(UPLOAD_SESSION_HEADER, uploadSession);
        xhr.setRequestHeader('content-type', 'application/octet-stream');
        xhr.setRequestHeader(CLIENT_HEADER, '1');
        xhr.upload.onprogress = (event) => {
          if (!settled) onProgress(event.loaded);
        };
        xhr.onload = () =>
          settle(() => {
            const answer = parseJson(xhr);
            if (xhr.status !== chunk.response.status) {
              reject(errorFromXhr(xhr, answer));
              return;
            }
            const parsed = chunk.response.schema.safeParse(answer);
            if (parsed.success) {
              resolve(parsed.data);
              return;
            }
            reject(
              new ApiError({
                code: 'INTERNAL',
                message: t('api.notUnderstood'),
                status: xhr.status,
                retryable: false,
              }),
            );
          });
        xhr.onerror = () =>
          settle(() =>
            reject(
              new ApiError({
                code: 'UPSTREAM_UNAVAILABLE',
                message: t('upload.error.connectionDropped'),
                status: 0,
                retryable: true,
              }),
            ),
          );
        xhr.onabort = () => settle(() => reject(signal.reason ?? new DOMException('Aborted', 'AbortError')));
        xhr.send(body);
      }),
  };
}

function parseJson(xhr: XMLHttpRequest): unknown {
  if (!/\bjson\b/i.test(xhr.getResponseHeader('content-type') ?? '')) return undefined;
  try {
    return JSON.parse(xhr.responseText);
  } catch {
    return undefined;
  }
}

function errorFromXhr(xhr: XMLHttpRequest, body: unknown): ApiError {
  return errorFromBody(xhr.status, body, xhr.getResponseHeader('retry-after'));
}
