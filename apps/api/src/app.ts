import fastifyCors from '@fastify/cors';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '@bunkai/db';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { registerModules } from './modules/index.ts';
import { registerAuth } from './plugins/auth.ts';
import { frameworkErrors, registerErrorHandler } from './plugins/error-handler.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';

export type BuildAppOptions = { database: Database; config: Config; logger?: boolean; clock?: Clock };

/**
 * The application factory: everything a request needs is wired here from
 * explicit dependencies, so tests build the same app against a test database.
 */
export const buildApp = async ({ database, config, logger, clock = systemClock }: BuildAppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: logger === false ? false : { level: config.logLevel },
    bodyLimit: 10 * 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-For counts only when it comes from a proxy on a private network (a load balancer in
    // front of the instances): a client talking to the API directly cannot pick the address its
    // sign-in attempts are throttled under.
    trustProxy: 'loopback, linklocal, uniquelocal',
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  registerSecurityHeaders(app);
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
  await registerAuth(app, config);
  await registerModules(app, { database, config, clock });
  return app;
};
