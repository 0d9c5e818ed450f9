export * from './identity.ts';
export * from './engagement.ts';
export * from './matrix.ts';
export * from './ledger.ts';
export * from './notify.ts';
export * from './user-notifications.ts';
export * from './presentation.ts';
export * from './members.ts';
