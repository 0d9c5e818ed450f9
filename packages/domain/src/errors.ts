/**
 * Typed domain errors. Services throw them; the API maps `kind` to an HTTP
 * status through one table. `code` is a stable machine-readable string,
 * `message` is written for the person who sent the request.
 */
export const ERROR_KINDS = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
] as const;
export type TErrorKind = (typeof ERROR_KINDS)[number];

export class DomainError extends Error {
  readonly kind: TErrorKind;
  readonly code: string;
  readonly details: unknown;

  constructor(kind: TErrorKind, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const validationError = (code: string, message: string, details?: unknown) =>
  new DomainError('validation', code, message, details);
export const unauthorized = (code: string, message: string) => new DomainError('unauthorized', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const notFound = (what: string, id?: string) =>
  new DomainError('not_found', 'not_found', id ? `${what} ${id} was not found` : `${what} was not found`);
/** A stale write: `details.current` carries the current state so the client can reload. */
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const rateLimited = (message: string) => new DomainError('rate_limited', 'rate_limited', message);
export const unavailable = (code: string, message: string) => new DomainError('unavailable', code, message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
