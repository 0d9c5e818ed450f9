// Row ↔ API-shape mappers and repositories, one file per entity. Repositories are functions
// `(args, tx = db)`; services never call drizzle themselves (see docs/architecture.md).
export * from './time.ts';
export * from './engagements.ts';
export * from './parties.ts';
export * from './signatories.ts';
export * from './organizations.ts';
export * from './assets.ts';
export * from './duties.ts';
export * from './duties-cells.ts';
export * from './invitations.ts';
export * from './cells.ts';
export * from './snapshot.ts';
export * from './cell-aggregate.ts';
export * from './cell-step.ts';
export * from './matrix.ts';
export * from './comments.ts';
export * from './bulk-proposals.ts';
export * from './auth.ts';
export * from './throttle.ts';
export * from './events.ts';
export * from './organization-duties.ts';
export * from './audit.ts';
export * from './revisions.ts';
export * from './signatures.ts';
export * from './jobs.ts';
export * from './mail.ts';
export * from './webhooks.ts';
