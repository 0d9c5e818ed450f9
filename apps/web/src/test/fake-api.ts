import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

export type ApiCall = { method: string; url: string; body: unknown };

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Replaces `fetch` for every test of the calling file with `route`, recording
 * each call (method, URL, parsed JSON body) in the returned array, which is
 * emptied before each test. A call `route` does not answer gets the API's 404.
 */
export const fakeApi = (route: (call: ApiCall) => Response | undefined): ApiCall[] => {
  const calls: ApiCall[] = [];
  beforeEach(() => {
    calls.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string, init?: RequestInit) => {
        const call = { method: init?.method ?? 'GET', url: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
        calls.push(call);
        return route(call) ?? json({ error: { code: 'route_not_found', message: call.url }, requestId: 'x' }, 404);
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  return calls;
};
