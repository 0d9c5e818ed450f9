export * from './cell-aggregate.ts';
export * from './cell-step.ts';
export * from './negotiation-bulk.ts';
export * from './negotiation-comments.ts';
export * from './negotiation-repository.ts';
export * from './negotiation-routes.ts';
export * from './negotiation-service.ts';
