export * from './parties-routes.ts';
export * from './parties-service.ts';
