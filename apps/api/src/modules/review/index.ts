export * from './review-routes.ts';
export * from './review-service.ts';
