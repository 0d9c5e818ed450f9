import type { Page } from 'playwright-core';

/** Direct API calls for the set-up steps a journey does not show (tokens taken from a signed-in page). */
export const sessionOf = async (page: Page): Promise<{ accessToken: string; user: { id: string }; organization: { id: string } }> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('bunkai.session') ?? 'null'));

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
