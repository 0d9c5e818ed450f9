export { BOM, toCsv } from './csv.ts';
export { exchangeRoutes } from './exchange-routes.ts';
export { createExchangeService } from './exchange-service.ts';
export { attachment } from './matrix-export.ts';
