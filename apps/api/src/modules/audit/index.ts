export * from './audit-format.ts';
export * from './audit-routes.ts';
export * from './audit-service.ts';
