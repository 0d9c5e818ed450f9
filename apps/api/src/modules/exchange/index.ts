export * from './csv.ts';
export * from './duty-import.ts';
export * from './exchange-routes.ts';
export * from './exchange-service.ts';
export * from './import-file.ts';
export * from './labels.ts';
export * from './matrix-export.ts';
export * from './xlsx.ts';
