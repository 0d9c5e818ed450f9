export { invitationsRoutes } from './invitations-routes.ts';
export { type InvitationsService, createInvitationsService } from './invitations-service.ts';
