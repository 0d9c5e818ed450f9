import { earlyRequests } from './client.ts';

/**
 * The matrix boot/early.js requested before the bundle ran (index.html): the first query asking for
 * the same URL takes the answer instead of requesting it again. Taken at most once, so a later
 * refetch always goes to the API; null when none was started for `url` or it failed (the query then
 * asks the API itself and reports a failure as usual).
 */
export const takeEarly = async <T>(url: string): Promise<T | null> => {
  const early = earlyRequests();
  if (early.matrix?.url !== url) return null;
  const { body } = early.matrix;
  delete early.matrix;
  return ((await body) as T | null) ?? null;
};
