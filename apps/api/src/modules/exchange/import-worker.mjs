// Worker bootstrap for import-worker-pool.ts (the pool's task file); plain ESM for the same reasons as
// signoff's annex-worker.mjs: it registers tsx itself unless this is the production build.
if (typeof __BUNKAI_BUILD__ === 'undefined') {
  const { register } = await import('tsx/esm/api');
  register();
}
const entry = import('./import-worker-entry.ts');

/** The pool's task handler: reads one import file into records (see import-worker-entry.ts). */
export default async (task) => (await entry).readImportTask(task);
