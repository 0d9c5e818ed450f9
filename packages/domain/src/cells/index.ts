export * from './types.ts';
export * from './events.ts';
export * from './negotiation.ts';
export * from './bulk.ts';
export * from './review.ts';
export * from './replay.ts';
export * from './view.ts';
