import type { TSession } from '@bunkai/domain';
import { sessionStore } from './session.ts';

/**
 * The one way the app talks to the API: sends the Bearer token (held in memory,
 * session.ts), renews it from the refresh cookie when there is none yet and
 * once on 401 `invalid_token` (concurrent requests share one renewal), and
 * turns the error envelope `{ error: { code, message, details }, requestId }`
 * into an ApiError the UI can show in words.
 */
export type ApiError = Error & {
  readonly isApiError: true;
  status: number;
  code: string;
  details: unknown;
  requestId: string | null;
};

export const apiError = (status: number, code: string, message: string, details?: unknown, requestId: string | null = null): ApiError =>
  Object.assign(new Error(message), { isApiError: true as const, status, code, details, requestId });

export const isApiError = (e: unknown): e is ApiError => e instanceof Error && (e as Partial<ApiError>).isApiError === true;

export type QueryValue = string | number | boolean | readonly string[] | undefined | null;
export type RequestOptions = { query?: Record<string, QueryValue>; signal?: AbortSignal; headers?: Record<string, string>; auth?: boolean };

export const buildUrl = (path: string, query?: Record<string, QueryValue>): string => {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) qs.set(k, v.join(','));
    } else qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
};

const parseError = async (res: Response): Promise<ApiError> => {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy error page): fall through to the status text
  }
  const env = body as { error?: { code?: unknown; message?: unknown; details?: unknown }; requestId?: unknown } | null;
  if (env?.error && typeof env.error.code === 'string') {
    return apiError(res.status, env.error.code, typeof env.error.message === 'string' ? env.error.message : res.statusText, env.error.details, typeof env.requestId === 'string' ? env.requestId : null);
  }
  return apiError(res.status, `http_${res.status}`, res.statusText || `HTTP ${res.status}`);
};

let refreshing: Promise<boolean> | null = null;

/** What boot/early.js started before the bundle ran (index.html): the renewal's answer, the matrix's. */
export type EarlyRequests = {
  renewal?: Promise<{ status: number; body: TSession | null } | null>;
  matrix?: { url: string; body: Promise<unknown> };
};
export const earlyRequests = (): EarlyRequests => (typeof window === 'undefined' ? {} : ((window as Window & { __bunkaiEarly?: EarlyRequests }).__bunkaiEarly ?? {}));

/** The early renewal's answer, once: the cookie it presented is rotated, so nobody may present it again. */
const takeEarlyRenewal = () => {
  const early = earlyRequests();
  const renewal = early.renewal;
  delete early.renewal;
  return renewal;
};

/**
 * Tabs share one refresh cookie, and presenting a rotated token ends the whole sign-in (theft
 * detection): so renewals run one at a time across tabs (Web Locks), each with the cookie the
 * previous one left behind.
 */
const oneTabAtATime = async <T>(fn: () => Promise<T>): Promise<T> => {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? ((await locks.request('bunkai.session.refresh', fn)) as T) : fn();
};

/**
 * Renews the access token from the HttpOnly refresh cookie; true when a fresh one is in memory.
 * `used`: the token that was refused (null: there was none yet, e.g. after a reload).
 */
const refreshSession = (used: string | null, onSent?: () => void): Promise<boolean> => {
  refreshing ??= oneTabAtATime(async () => {
    const stored = sessionStore.get();
    if (!stored) return false;
    // an earlier call already renewed it
    if (stored.accessToken && stored.accessToken !== used) return true;
    const early = await takeEarlyRenewal();
    if (early?.status === 401) {
      sessionStore.set(null);
      return false;
    }
    if (early?.body) {
      sessionStore.set(early.body);
      return true;
    }
    try {
      const sending = fetch('/api/v1/auth/session/refresh', { method: 'POST', credentials: 'same-origin' });
      onSent?.();
      const res = await sending;
      if (res.status === 401) {
        // the sign-in has ended (signed out elsewhere, expired, or revoked)
        sessionStore.set(null);
        return false;
      }
      if (!res.ok) return false;
      sessionStore.set((await res.json()) as TSession);
      return true;
    } catch {
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
};

/**
 * Opening the app signed in (a reload, a link): renews the access token at once (boot.ts) instead of
 * on the first query after the first render.
 */
export const renewOnLoad = (): Promise<void> =>
  new Promise((resolve) => {
    if (!sessionStore.get() || sessionStore.get()?.accessToken) return resolve();
    // boot/early.js sent it already: the app takes its answer on its first request
    if (earlyRequests().renewal) {
      void refreshSession(null);
      return resolve();
    }
    // Resolves once the request is on its way (or there is none to send): see main.tsx.
    void refreshSession(null, resolve).finally(resolve);
  });

/** fetch with auth and one refresh-and-retry; network failures become ApiError `network_error`. */
export const apiFetch = async (path: string, init: RequestInit & { auth?: boolean } = {}): Promise<Response> => {
  const { auth = true, ...rest } = init;
  // Signed in, but no access token in memory yet (a reload): renew it from the cookie first.
  if (auth && sessionStore.get() && !sessionStore.get()?.accessToken) await refreshSession(null);
  const attempt = async () => {
    const token = auth ? (sessionStore.get()?.accessToken ?? undefined) : undefined;
    const headers = new Headers(rest.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      return { res: await fetch(path, { ...rest, headers }), token };
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw apiError(0, 'network_error', 'network');
    }
  };
  const first = await attempt();
  let res = first.res;
  const token = first.token;
  if (res.status === 401 && token) {
    const err = await parseError(res.clone());
    if (err.code === 'invalid_token' && (await refreshSession(token))) ({ res } = await attempt());
  }
  return res;
};

const request = async <T>(method: string, path: string, body: unknown, opts: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let payload: BodyInit | undefined;
  if (body instanceof Blob || body instanceof ArrayBuffer) payload = body as BodyInit;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await apiFetch(buildUrl(path, opts.query), { method, headers, body: payload, signal: opts.signal, auth: opts.auth });
  if (!res.ok) throw await parseError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
};

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

const fileNameOf = (res: Response, fallback: string): string => {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain?.[1] ?? fallback;
};

/** Downloads an authenticated file (annex, export, audit trail) through a temporary object URL. */
export const downloadFile = async (path: string, fallbackName: string): Promise<string> => {
  const res = await apiFetch(path, { method: 'GET' });
  if (!res.ok) throw await parseError(res);
  const name = fileNameOf(res, fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
};

export { parseError };
