export * from './auth-repository.ts';
export * from './auth-routes.ts';
export * from './auth-service.ts';
export * from './password.ts';
export * from './tokens.ts';
export * from './totp.ts';
