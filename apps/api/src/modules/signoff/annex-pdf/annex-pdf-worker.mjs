// Worker bootstrap for annex-pdf-pool.ts (the pool's task file), plain ESM for the same reasons
// as annex/annex-worker.mjs: it registers tsx itself outside the production build.
if (typeof __BUNKAI_BUILD__ === 'undefined') {
  const { register } = await import('tsx/esm/api');
  register();
}
const entry = import('./annex-pdf-worker-entry.ts');

/** The pool's task handler: builds one sealed PDF annex (see annex-pdf-worker-entry.ts). */
export default async (task) => (await entry).buildAnnexPdfTask(task);

/** 検証 of an uploaded PDF (see annex-pdf-worker-entry.ts). */
export const verify = async (task) => (await entry).verifyAnnexPdfTask(task);

/** The content of a sealed PDF against its revision's annex (see annex-pdf-worker-entry.ts). */
export const compare = async (task) => (await entry).compareAnnexPdfTask(task);
