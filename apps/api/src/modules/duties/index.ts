export * from './cell-creation.ts';
export * from './duties-routes.ts';
export * from './duties-service.ts';
