export * from './web-routes.ts';
