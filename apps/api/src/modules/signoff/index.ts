// Sign-off (凍結・署名・検証・別紙): the one public entry of the feature. Other modules,
// the composition root, scripts and benchmarks import from here only.
export { createSignoff, type Signoff } from './signoff.ts';
export { createRevisionsService, type RevisionsService } from './revisions/revisions-service.ts';
export { type LiveState, type SignoffState, loadLiveState, persistSignoffState, signoffState } from './revisions/revision-state.ts';
export { createAnnexWorkerPool, defaultAnnexPoolSize, type AnnexWorkerPool, type AnnexWorkerPoolOptions, type AnnexWorkerPoolStats } from './annex/annex-worker-pool.ts';
export { attachment } from './content-disposition.ts';
export { loadDraftAnnexInput, loadRevisionAnnexInput } from './annex/annex-loader.ts';
export { draftAnnexInput, revisionAnnexInput } from './annex/annex-inputs.ts';
export { DOCX_CONTENT_TYPE } from './annex/annex-service.ts';
// The seal is recomputed by the audit trail as well; one definition, beside the signature mapper.
export { recomputeSeal } from '@bunkai/db';
