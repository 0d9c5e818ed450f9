export * from './findings-routes.ts';
export * from './findings-service.ts';
