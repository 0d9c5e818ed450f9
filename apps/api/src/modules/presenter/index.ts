export { presenterRoutes } from './presenter-routes.ts';
export { type PresenterService, createPresenterService } from './presenter-service.ts';
