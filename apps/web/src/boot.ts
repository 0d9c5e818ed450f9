import { renewOnLoad } from './api/client.ts';

/*
 * Evaluated first (main.tsx imports it before React and the screens): what the page will need is
 * requested now instead of after the first render (issue 17, docs/benchmarks-web.md). The session
 * renewal (started by boot/early.js already, or here) and, on the matrix page opened by its address,
 * the page's chunk: Vite's preload fetches its dependencies in parallel. The unfiltered matrix itself
 * is requested by boot/early.js; a filtered one by MatrixPrefetch (app.tsx).
 * The renewal runs under a Web Lock (client.ts), granted in a task of its own: main.tsx renders
 * only once the request is sent, since the first render holds the main thread for hundreds of
 * milliseconds and the lock's grant would wait behind it.
 */
export const renewalSent = renewOnLoad();
if (/^\/engagements\/[0-9a-f-]{36}\/matrix$/.test(window.location.pathname)) void import('./features/matrix/matrix-page.tsx');
