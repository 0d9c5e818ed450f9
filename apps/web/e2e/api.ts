import type { Page } from 'playwright-core';

/**
 * Direct API calls for the set-up steps a journey does not show. The access token of a signed-in
 * page lives in its memory only, so a new one is taken the way the page renews its own: from the
 * HttpOnly refresh cookie (which rotates; the page's next renewal uses the new one).
 */
export const sessionOf = async (page: Page): Promise<{ accessToken: string; user: { id: string }; organization: { id: string } }> =>
  page.evaluate(async () => (await fetch('/api/v1/auth/session/refresh', { method: 'POST' })).json());

export const call = async <T>(base: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> => {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
};
