// Public surface of 協議案件 (engagements): the composition root mounts the routes; exchange and the
// benchmark copy catalog duties the same way a template does.
export { engagementsRoutes } from './engagements-routes.ts';
export { type EngagementsService, createEngagementsService } from './engagements-service.ts';
export { dutyValuesFrom, instantiateTemplate } from './template-instantiation.ts';
