import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response (API, errors, the web app): helmet's
 * defaults (HSTS, nosniff, frame and referrer policies…) with a CSP that
 * allows only the app's own scripts. The middleware is built once at boot —
 * @fastify/helmet rebuilds it (and re-parses the CSP) for every request.
 */
export const registerSecurityHeaders = (app: FastifyInstance) => {
  const apply = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => apply(request.raw, reply.raw, () => done()));
};
