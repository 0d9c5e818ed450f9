export * from './assignment.ts';
export * from './acceptance.ts';
export * from './cell-status.ts';
