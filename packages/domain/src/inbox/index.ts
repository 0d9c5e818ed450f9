export * from './inbox.ts';
export * from './deadlines.ts';
