export { assetsRoutes } from './assets-routes.ts';
export { type AssetsService, createAssetsService } from './assets-service.ts';
