export * from './cell-access.ts';
export * from './matrix-filters.ts';
export * from './matrix-repository.ts';
export * from './matrix-routes.ts';
export * from './matrix-service.ts';
export * from './proposal-state.ts';
