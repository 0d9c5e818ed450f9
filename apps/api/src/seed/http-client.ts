import type { FastifyInstance, InjectOptions } from 'fastify';

export type HttpResult<T = unknown> = { status: number; body: T; headers: Record<string, unknown> };

/**
 * A tiny in-process client over `app.inject()`: the factories (used by the
 * demo seed and by tests) go through the real routes, validation and events.
 */
export const createHttpClient = (app: FastifyInstance, token?: string) => {
  const call = async <T = unknown>(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });
    const type = String(res.headers['content-type'] ?? '');
    const body = (type.includes('application/json') ? res.json() : res.body) as T;
    return { status: res.statusCode, body, headers: res.headers } as HttpResult<T>;
  };
  return {
    get: <T = unknown>(url: string, headers?: Record<string, string>) => call<T>('GET', url, undefined, headers),
    post: <T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) => call<T>('POST', url, payload ?? {}, headers),
    patch: <T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) => call<T>('PATCH', url, payload ?? {}, headers),
    put: <T = unknown>(url: string, payload?: unknown, headers?: Record<string, string>) => call<T>('PUT', url, payload ?? {}, headers),
    delete: <T = unknown>(url: string, headers?: Record<string, string>) => call<T>('DELETE', url, undefined, headers),
  };
};
export type HttpClient = ReturnType<typeof createHttpClient>;

/** Unwraps a result, failing loudly with the error body when the status is not the expected one. */
export const expectStatus = <T>(res: HttpResult<T>, status: number, what: string): T => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};
