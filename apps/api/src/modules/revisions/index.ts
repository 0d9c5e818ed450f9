export * from './party-keys.ts';
export * from './revision-state.ts';
export * from './revision-views.ts';
export * from './revisions-repository.ts';
export * from './revisions-routes.ts';
export * from './revisions-service.ts';
