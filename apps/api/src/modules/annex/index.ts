export * from './annex-inputs.ts';
export * from './annex-loader.ts';
export * from './annex-routes.ts';
export * from './annex-service.ts';
export * from './annex-worker-pool.ts';
