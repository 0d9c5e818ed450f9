import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type TErrorKind, isDomainError } from '@bunkai/domain';
import { redactUrl } from './logging.ts';

/** The one place where domain error kinds become HTTP statuses. */
export const STATUS_BY_KIND: Record<TErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown }; requestId: string };

const body = (requestId: string, code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
  requestId,
});

/**
 * True for errors that mean the database cannot serve the request now: unreachable (connection refused,
 * terminated, timeouts), or the request gave up waiting (lock_timeout 55P03, statement_timeout 57014 —
 * e.g. queued behind a stuck transaction). Either way the client should retry shortly.
 */
const isDatabaseUnavailable = (err: unknown): boolean => {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003', '55P03', '57014'].includes(code))
      return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED/i.test(message))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
};

/**
 * Errors the router raises before any handler exists for the request (a malformed URL, a path
 * parameter over the length limit): Fastify answers them itself unless given this, so without it
 * they would leave without the envelope. Passed as the `frameworkErrors` option of Fastify().
 */
export const frameworkErrors = (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
  const status = err.statusCode ?? 400;
  const code = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : err.code === 'FST_ERR_BAD_URL' ? 'bad_url' : status >= 500 ? 'internal_error' : 'bad_request';
  const message = status >= 500 ? 'Internal Server Error' : code === 'uri_too_long' ? 'A path segment of the URL is too long.' : 'The URL is malformed.';
  return reply.status(status).send(body(request.id, code, message));
};

export const registerErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      return reply.status(400).send(body(request.id, 'invalid_request', `Invalid ${err.validationContext ?? 'request'}: ${details[0]?.message ?? 'bad input'}`, details));
    }
    if (isDomainError(err)) {
      return reply.status(STATUS_BY_KIND[err.kind]).send(body(request.id, err.code, err.message, err.details));
    }
    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send(body(request.id, 'database_unavailable', 'The database is unavailable; try again shortly.'));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response serialization failed');
      return reply.status(500).send(body(request.id, 'internal_error', 'Internal Server Error'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 429 ? 'rate_limited' : 'bad_request';
      return reply.status(status).send(body(request.id, code, err.message));
    }
    request.log.error({ err, method: request.method, url: redactUrl(request.url) }, 'unhandled error');
    return reply.status(500).send(body(request.id, 'internal_error', 'Internal Server Error'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(body(request.id, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
};
