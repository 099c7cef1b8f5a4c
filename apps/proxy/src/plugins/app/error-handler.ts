import type { ErrorBody, ErrorCode } from '@content-studio/contract';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../errors/app-error';
import type { ProxyMetrics } from '../../metrics/metrics';
import { toAppError } from '../../errors/from-tiktok';

/** Fastify's own errors carry an HTTP status; these are the ones a client can cause. */
const CLIENT_ERRORS: Record<number, { code: ErrorCode; message: string; retryable: boolean }> = {
  400: { code: 'VALIDATION_FAILED', message: 'The request is malformed.', retryable: false },
  404: { code: 'NOT_FOUND', message: 'Not found.', retryable: false },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed.', retryable: false },
  406: { code: 'VALIDATION_FAILED', message: 'Not acceptable.', retryable: false },
  408: { code: 'CLIENT_ABORTED', message: 'The request took too long to arrive.', retryable: true },
  411: { code: 'VALIDATION_FAILED', message: 'A Content-Length is required.', retryable: false },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.', retryable: false },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'This content type is not accepted here.',
    retryable: false,
  },
  429: { code: 'RATE_LIMITED', message: 'Too many requests. Try again shortly.', retryable: true },
  431: { code: 'VALIDATION_FAILED', message: 'The request headers are too large.', retryable: false },
  503: {
    code: 'SERVICE_OVERLOADED',
    message: 'The service is busy. Try again shortly.',
    retryable: true,
  },
};

/** Every error body names its request, the id that is also in each of that request's log lines. */
function send(reply: FastifyReply, status: number, error: Omit<ErrorBody['error'], 'requestId'>) {
  const body = { error: { ...error, requestId: reply.request.id } } satisfies ErrorBody;
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/**
 * One translator from thrown errors to the contract's error body. 5xx details stay in the log: a
 * creator sees a plain sentence, an attacker learns nothing about internals.
 */
export function registerErrorHandler(app: FastifyInstance, metrics?: ProxyMetrics) {
  app.setErrorHandler((thrown: FastifyError | AppError, request, reply) => {
    // Errors from the TikTok client (typed, no statusCode) become creator-facing AppErrors here, once.
    const mapped = thrown instanceof AppError || typeof thrown.statusCode === 'number' ? thrown : toAppError(thrown);
    // toAppError knows TikTok's errors; anything it does not know is ours, handled below as a 500.
    const err = mapped instanceof AppError && mapped.code === 'INTERNAL' ? thrown : mapped;
    // Only what toAppError recognised came from TikTok; the label is one of the contract's codes.
    if (err === mapped && mapped instanceof AppError && mapped.cause === thrown && mapped !== thrown)
      metrics?.tiktokErrors.inc({ code: mapped.code });
    if (err instanceof AppError) {
      if (err.statusCode >= 500) request.log.warn({ code: err.code, err: err.cause ?? err }, 'upstream failure');
      for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
      return send(reply, err.statusCode, {
        code: err.code,
        message: err.message,
        retryable: err.retryable,
        ...(err.tiktokLogId ? { tiktokLogId: err.tiktokLogId } : {}),
        ...(err.uploadedBytes === undefined ? {} : { uploadedBytes: err.uploadedBytes }),
      });
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    const known = CLIENT_ERRORS[status];
    if (known && status < 500) return send(reply, status, known);
    if (status === 503 && known) return send(reply, status, known);
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, {
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Try again in a moment.',
      retryable: true,
    });
  });

  app.setNotFoundHandler((_request, reply) =>
    send(reply, 404, { code: 'NOT_FOUND', message: 'Not found.', retryable: false }),
  );
}
