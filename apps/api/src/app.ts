import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '@bunkai/db';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { registerModules } from './modules/index.ts';
import { registerAuth } from './plugins/auth.ts';
import { frameworkErrors, registerErrorHandler } from './plugins/error-handler.ts';
import { registerInputHygiene } from './plugins/input-hygiene.ts';
import { loggerOptions } from './plugins/logging.ts';
import { registerRateLimits } from './plugins/rate-limit.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';

export type BuildAppOptions = {
  database: Database;
  config: Config;
  /** false: no logging (tests); a pino instance: that logger (the server shares its own with the database layer). */
  logger?: boolean | FastifyBaseLogger;
  clock?: Clock;
};

/** A load balancer's request id is kept when it is a plain token of sane length; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
export const requestId = (header: string | string[] | undefined): string =>
  typeof header === 'string' && REQUEST_ID.test(header) ? header : crypto.randomUUID();

/**
 * Graceful close (SIGTERM): Node closes the connections idle at the moment the
 * server stops accepting, but a keep-alive connection that goes idle later —
 * an in-flight request finishing, an SSE stream just ended — would hold the
 * close open until its keep-alive timeout. While draining, every answer says
 * `Connection: close` and idle connections are swept until the server is closed.
 */
declare module 'fastify' {
  interface FastifyInstance {
    /** True from SIGTERM (app.close()) on: readiness answers 503 while requests are still served. */
    isDraining: () => boolean;
  }
}

const drainOnClose = (app: FastifyInstance) => {
  let sweep: NodeJS.Timeout | undefined;
  // Decided here, at the root's first preClose hook: a plugin's own preClose runs after the root's hooks,
  // so a flag set there came too late for a request that races the drain.
  app.decorate('isDraining', () => sweep !== undefined);
  app.addHook('preClose', async () => {
    sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    sweep.unref();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (sweep) reply.header('connection', 'close');
  });
  app.addHook('onClose', async () => clearInterval(sweep));
};

/**
 * The application factory: everything a request needs is wired here from
 * explicit dependencies, so tests build the same app against a test database.
 */
export const buildApp = async ({ database, config, logger, clock = systemClock }: BuildAppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    ...(typeof logger === 'object' ? { loggerInstance: logger } : { logger: logger === false ? false : loggerOptions(config) }),
    bodyLimit: 10 * 1024 * 1024,
    // Fastify would take the header verbatim; genReqId validates it first (it ends up in every log line).
    requestIdHeader: false,
    genReqId: (req) => requestId(req.headers['x-request-id']),
    // X-Forwarded-For counts only from the proxies named in TRUST_PROXY (none by default): anyone else
    // could pick the address its sign-in attempts are throttled under and the one a signature records.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    frameworkErrors,
    // While draining, a request that reached us on a connection accepted just before the listener closed is
    // served, not answered 503: a load balancer does not resend a POST it has sent (it may have been done), so a
    // 503 there is a failed write the user sees. Each such answer says Connection: close (drainOnClose).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  // The request id goes back to the caller, so a user's report can be matched to the log line.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  drainOnClose(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerInputHygiene(app);

  registerSecurityHeaders(app);
  // Responses compressed as the client accepts (br, then gzip): the reference matrix is ~3 MB of JSON
  // before. Request bodies stay identity-only (415 otherwise) so no upload can be a compression bomb.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], requestEncodings: ['identity'], threshold: 1024 });
  // No configured origin: no CORS at all, the browser's same-origin policy is the policy.
  if (config.corsOrigins.length) await app.register(fastifyCors, { origin: config.corsOrigins, credentials: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Bunkai API', description: '責任分界 (responsibility split) negotiation between hospitals and vendors', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await registerAuth(app, config, database);
  await registerRateLimits(app, { db: database.db, clock, config });
  await registerModules(app, { database, config, clock });
  return app;
};
