export { partiesRoutes } from './parties-routes.ts';
export { type PartiesService, createPartiesService } from './parties-service.ts';
