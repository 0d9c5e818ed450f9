export * from './engagements-routes.ts';
export * from './engagements-service.ts';
export * from './template-instantiation.ts';
