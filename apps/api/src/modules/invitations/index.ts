export * from './invitations-routes.ts';
export * from './invitations-service.ts';
