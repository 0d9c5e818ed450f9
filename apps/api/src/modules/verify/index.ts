export * from './verify-routes.ts';
export * from './verify-service.ts';
