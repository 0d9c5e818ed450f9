export * from './create-db.ts';
export * from './event-chain.ts';
export * from './raw-statements.ts';
export * as schema from './schema/index.ts';
export * from './schema/index.ts';
export * from './errors.ts';
export * from './repositories/index.ts';
export * from './backup.ts';
