export { findingsRoutes } from './findings-routes.ts';
export { type FindingsService, createFindingsService } from './findings-service.ts';
