import { matrixPath } from './api/cells/keys.ts';
import { buildUrl, renewOnLoad } from './api/client.ts';
import { startEarly } from './api/early.ts';
import { filtersFromSearch } from './features/matrix/matrix-url.ts';

/*
 * Evaluated first (main.tsx imports it before React and the screens): what the page will need is
 * requested now instead of after the first render (issue 17, docs/benchmarks-web.md). The session is
 * renewed from its cookie; the matrix page, opened by its address, has its chunk and its matrix (the
 * largest answer, up to 36,000 cells) requested at once, both waiting only for that renewal.
 * The renewal runs under a Web Lock (client.ts), granted in a task of its own: main.tsx renders
 * only once the request is sent, since the first render holds the main thread for hundreds of
 * milliseconds and the lock's grant would wait behind it.
 */
export const renewalSent = renewOnLoad();
const matrix = /^\/engagements\/([0-9a-f-]{36})\/matrix$/.exec(window.location.pathname);
if (matrix?.[1]) {
  void import('./features/matrix/matrix-page.tsx');
  startEarly(buildUrl(matrixPath(matrix[1]), filtersFromSearch(new URLSearchParams(window.location.search))));
}
