/** 版と署名: the canonical revision form, its diff, the freeze check and the signing texts. */
export * from './canonical-revision.ts';
export * from './revision-diff.ts';
export * from './freeze-check.ts';
export * from './signing.ts';
export * from './standing.ts';
