export * from './assets-repository.ts';
export * from './assets-routes.ts';
export * from './assets-service.ts';
