import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root: where `.data/` (embedded database, generated secret) lives by default. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * The environment, validated once at boot. This is the only module that reads
 * `process.env` (enforced by ESLint); everything else receives a `Config`.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().max(255).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4170),
  /** postgres://… selects PostgreSQL; unset selects the embedded PGlite database. */
  DATABASE_URL: z.string().max(2000).optional(),
  /** PGlite data directory (ignored with DATABASE_URL). */
  DATA_DIR: z.string().max(1000).default(resolve(PROJECT_ROOT, '.data/pglite')),
  /** HS256 secret for access tokens; generated into .data/ outside production when unset. */
  JWT_SECRET: z.string().min(32).max(512).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Seed the demo engagement when the database is empty. */
  SEED_DEMO: bool.default(true),
  /** Base URL used in invitation links shown to the inviter. */
  PUBLIC_URL: z.string().max(500).optional(),
  /** Comma-separated origins allowed by CORS; same-origin only when empty. */
  CORS_ORIGINS: z.string().max(2000).default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** scrypt cost (N); lower only for tests and benchmarks. */
  SCRYPT_COST: z.coerce.number().int().min(1024).max(1_048_576).default(32_768),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Notifications (docs/notifications.md): smtp(s)://user:pass@host:port; unset keeps mail in the development mailbox. */
  SMTP_URL: z.string().max(2000).regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().max(320).default('Bunkai <no-reply@bunkai.invalid>'),
  /** Lets webhooks target loopback, link-local and private addresses (local receivers, tests). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** How often an idle job worker looks for due jobs. */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  invitationTtlDays: number;
  seedDemo: boolean;
  publicUrl: string;
  corsOrigins: string[];
  logLevel: string;
  scryptCost: number;
  loginMaxAttempts: number;
  loginWindowSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  webhookAllowPrivate: boolean;
  jobsPollMs: number;
};

export class ConfigError extends Error {}

const devSecret = (dataDir: string): string => {
  const file = resolve(dataDir, '..', 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};

/** Loads `<repo>/.env` into the environment when present (values already set win). */
export const loadDotEnv = (file = resolve(PROJECT_ROOT, '.env')) => {
  if (existsSync(file)) process.loadEnvFile(file);
};

export const loadConfig = (source: Record<string, string | undefined> = process.env): Config => {
  // An empty value (`JWT_SECRET=` in a copied .env) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.JWT_SECRET) throw new ConfigError('JWT_SECRET is required in production');
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: resolve(PROJECT_ROOT, e.DATA_DIR),
    jwtSecret: e.JWT_SECRET ?? devSecret(resolve(PROJECT_ROOT, e.DATA_DIR)),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    invitationTtlDays: e.INVITATION_TTL_DAYS,
    seedDemo: e.SEED_DEMO,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${port}`,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    scryptCost: e.SCRYPT_COST,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    jobsPollMs: e.JOBS_POLL_MS,
  };
};
