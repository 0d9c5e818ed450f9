// Worker bootstrap for annex-worker-pool.ts (the pool's task file). Plain ESM on purpose:
// Node can load it without any TypeScript loader, then it registers tsx in this thread, so
// the worker runs the same whether the API was started by `tsx` (npm start), by vitest or
// by a script — none of their loaders reaches a worker started with a clean execArgv.
// In the production build (scripts/build-api.mjs) __BUNKAI_BUILD__ is defined, the entry is
// bundled in, and tsx is neither loaded nor needed.
if (typeof __BUNKAI_BUILD__ === 'undefined') {
  const { register } = await import('tsx/esm/api');
  register();
}
const entry = import('./annex-worker-entry.ts');

/** The pool's task handler: builds one annex (see annex-worker-entry.ts). */
export default async (task) => (await entry).buildAnnexTask(task);
