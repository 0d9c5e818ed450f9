import { type LoggerOptions, stdSerializers } from 'pino';
import type { Config } from '../config.ts';

/** Fields that hold credentials or their hashes, wherever they appear in a logged object. */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'currentPassword',
  'newPassword',
  'totp',
  'totpSecret',
  'secret',
  'otpauthUri',
  'token',
  'tokenHash',
  'accessToken',
  'refreshToken',
  'jwtSecret',
  'authorization',
  'cookie',
];

/** pino's paths match one level per `*`; credentials sit at most a few levels deep in what we log. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]),
];

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** An invitation link's token is a credential: a URL path carrying one is logged without it. */
export const redactUrl = (url: string): string =>
  url.replace(/\/invitations\/([^/?#]+)/g, (whole, segment: string) => (isUuid(segment) ? whole : '/invitations/[redacted]'));

type DbErrorFields = { code?: unknown; message?: unknown; constraint?: unknown; table?: unknown; column?: unknown; severity?: unknown };

/** A PostgreSQL/PGlite error carries a five-character SQLSTATE. */
const isDatabaseError = (e: unknown): e is Error & DbErrorFields => {
  const code = e instanceof Error ? (e as DbErrorFields).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
};

/**
 * Errors as logged. A failed query's error (drizzle wraps it with the statement *and its
 * parameters* in the message — a password hash, a token) is logged as the database reported it:
 * SQLSTATE, message, constraint, table, column — never the parameters, the `detail` (which quotes
 * the conflicting values) or the wrapper's stack.
 */
export const serializeError = (err: unknown): unknown => {
  const seen = new Set<unknown>();
  let e: unknown = err;
  let wrapped = false;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    if (isDatabaseError(e))
      return { type: 'DatabaseError', code: e.code, message: e.message, constraint: e.constraint, table: e.table, column: e.column, severity: e.severity };
    wrapped ||= 'params' in e;
    e = (e as { cause?: unknown }).cause;
  }
  // A query wrapper without a recognizable database cause: its message is the statement with parameters.
  if (wrapped) return { type: 'DatabaseError', message: 'query failed (parameters not logged)' };
  return err instanceof Error ? stdSerializers.err(err) : err;
};

/**
 * The one logger configuration (server and app): JSON lines (pino's own format; no pretty
 * printer in any environment), credentials redacted, errors serialized without query parameters.
 */
export const loggerOptions = (config: Pick<Config, 'logLevel'>): LoggerOptions => ({
  level: config.logLevel,
  redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  serializers: {
    err: serializeError,
    req: (req: { method?: string; url?: string; hostname?: string; ip?: string; id?: string }) => ({
      id: req.id,
      method: req.method,
      url: req.url === undefined ? undefined : redactUrl(req.url),
      hostname: req.hostname,
      remoteAddress: req.ip,
    }),
  },
});
