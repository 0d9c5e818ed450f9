export * from './signatures-routes.ts';
export * from './signatures-service.ts';
