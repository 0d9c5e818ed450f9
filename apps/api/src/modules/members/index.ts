export { membersRoutes } from './members-routes.ts';
export { type MembersService, createMembersService } from './members-service.ts';
