import { apiFetch, earlyRequests } from './client.ts';

/**
 * Requests started before the app renders (boot.ts), while React and the screens are still being
 * evaluated: the first query asking for the same URL takes the answer instead of requesting it again.
 * Taken at most once, so a later refetch always goes to the API.
 */
const early = new Map<string, Promise<unknown>>();

export const startEarly = (url: string) => {
  if (early.has(url) || earlyRequests().matrix?.url === url) return;
  // A failure (offline, 4xx) is not kept: the query then asks again and reports it as usual.
  const body = apiFetch(url, { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? (res.json() as Promise<unknown>) : null))
    .catch(() => null);
  early.set(url, body);
};

/** The early answer's parsed body for `url`, or null when none was started or it failed. */
export const takeEarly = async <T>(url: string): Promise<T | null> => {
  // boot/early.js (index.html) may have started it even before boot.ts
  const before = earlyRequests();
  if (before.matrix?.url === url) {
    const { body } = before.matrix;
    delete before.matrix;
    early.delete(url);
    const answer = (await body) as T | null;
    if (answer) return answer;
  }
  const body = early.get(url);
  if (!body) return null;
  early.delete(url);
  return (await body) as T | null;
};
