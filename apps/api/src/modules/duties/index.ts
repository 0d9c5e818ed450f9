// Cell creation is public: adding assets creates the cells of the duties that apply to them.
export { type CellScope, countBy, createPlannedCells } from './cell-creation.ts';
export { dutiesRoutes } from './duties-routes.ts';
export { type DutiesService, createDutiesService } from './duties-service.ts';
export { type CatalogUpgrade, createCatalogUpgrade } from './catalog-upgrade.ts';
