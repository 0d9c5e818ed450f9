import fastifyRateLimit, { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import fastifyUnderPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Db, throttleRepository } from '@bunkai/db';
import { rateLimited, unavailable } from '@bunkai/domain';
import type { Config } from '../config.ts';
import type { Clock } from '../platform/clock.ts';

type Limits = Pick<Config, 'rateLimitWindowSeconds' | 'rateLimitMax' | 'rateLimitHeavyMax' | 'rateLimitRegisterPerHour'>;
type Rule = { max: number; timeWindow: number };

/**
 * Which routes are limited, in one place (the routes live in several modules). A rule's name is
 * its group: routes of one group share a counter per caller. The key is the signed-in user when
 * the route's guard ran first, the client address (IPv6: its /56) otherwise.
 */
const rulesOf = (c: Limits): Record<string, { group: string; rule: Rule }> => {
  const window = c.rateLimitWindowSeconds * 1000;
  const signIn = { max: c.rateLimitMax, timeWindow: window };
  const heavy = { max: c.rateLimitHeavyMax, timeWindow: window };
  return {
    // scrypt for every registration: the most expensive unauthenticated request.
    'POST /api/v1/auth/register': { group: 'register', rule: { max: c.rateLimitRegisterPerHour, timeWindow: 3_600_000 } },
    'POST /api/v1/auth/login': { group: 'sign-in', rule: signIn },
    'POST /api/v1/auth/totp/enroll': { group: 'totp', rule: signIn },
    'POST /api/v1/auth/totp/verify': { group: 'totp', rule: signIn },
    'POST /api/v1/auth/totp/reset': { group: 'sign-in', rule: signIn },
    'POST /api/v1/member-invitations/preview': { group: 'sign-in', rule: signIn },
    // scrypt for the new account's password, like a registration.
    'POST /api/v1/member-invitations/accept': { group: 'register', rule: { max: c.rateLimitRegisterPerHour, timeWindow: 3_600_000 } },
    'POST /api/v1/revisions/:id/signatures': { group: 'signing', rule: signIn },
    'POST /api/v1/verify': { group: 'verify', rule: heavy },
    'GET /api/v1/engagements/:id/events/verify': { group: 'verify', rule: heavy },
    'POST /api/v1/engagements/:id/duties/import': { group: 'import', rule: heavy },
    'POST /api/v1/organization/duties/import': { group: 'import', rule: heavy },
  };
};

/**
 * A @fastify/rate-limit store on the `auth_throttle` table: one atomic upsert per request, so
 * every API instance on the database counts into the same rows and enforces one limit.
 */
const postgresStore = (db: Db, clock: Clock) => {
  const throttle = throttleRepository(db);
  // One store for every route: the plugin appends the route's group to the key it passes in.
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      const now = clock.now();
      throttle.hitWindow({ key: `rl:${key}`, windowSeconds: timeWindow / 1000, now: now.toISOString() }).then(
        ({ count, windowStartMs }) => callback(null, { current: count, ttl: Math.max(0, windowStartMs + timeWindow - now.getTime()) }),
        (error: Error) => callback(error),
      );
    }

    child() {
      return this;
    }
  };
};

/** The plugin appends the rule's group: `rl:ip:192.0.2.1|sign-in`. */
const keyOf = (request: FastifyRequest): string => `${request.actor ? `user:${request.actor.userId}` : `ip:${normalizeIP(request.ip, 56)}`}|`;

const isHealth = (request: FastifyRequest) => request.url.startsWith('/api/health');

/**
 * Shared rate limits (PostgreSQL-backed) on the routes attackers can make expensive, and overload
 * protection: past the event-loop delay or heap bound, every request but the health checks gets
 * 503 with Retry-After, so an instance sheds load instead of timing out everything.
 * Must be registered before the routes.
 */
export const registerRateLimits = async (app: FastifyInstance, deps: { db: Db; clock: Clock; config: Config }) => {
  const rules = rulesOf(deps.config);
  // Runs before @fastify/rate-limit's own onRoute hook (registered next), which reads config.rateLimit.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const found = methods.map((m) => rules[`${m} ${route.url}`]).find(Boolean);
    if (found) route.config = { ...route.config, rateLimit: { ...found.rule, groupId: found.group } };
  });
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresStore(deps.db, deps.clock),
    keyGenerator: keyOf,
    errorResponseBuilder: (_request, context) => rateLimited(`Too many requests; retry in ${context.after}.`),
  });
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: deps.config.overloadMaxEventLoopDelayMs,
    maxHeapUsedBytes: deps.config.overloadMaxHeapUsedBytes,
    sampleInterval: deps.config.overloadSampleIntervalMs,
    retryAfter: 5,
    // A rejected promise goes to the error handler: the usual envelope, 503 for `unavailable`.
    pressureHandler: async (request, reply) => {
      if (isHealth(request)) return;
      reply.header('retry-after', '5');
      throw unavailable('overloaded', 'The server is overloaded; try again shortly.');
    },
  });
};
