export * from './catalog-routes.ts';
