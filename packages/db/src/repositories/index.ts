// Row ↔ API-shape mappers and repositories, one file per entity. Repositories are functions
// `(args, tx = db)`; services never call drizzle themselves (see docs/architecture.md).
export * from './time.ts';
export * from './engagements.ts';
export * from './parties.ts';
export * from './assets.ts';
export * from './duties.ts';
export * from './cells.ts';
export * from './snapshot.ts';
export * from './jobs.ts';
export * from './mail.ts';
export * from './webhooks.ts';
