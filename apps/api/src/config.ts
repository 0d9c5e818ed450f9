import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type CreateDbOptions, DB_TIMEOUT_DEFAULTS } from '@bunkai/db';

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
  /**
   * postgres://… selects PostgreSQL; pglite:///path selects the embedded PGlite
   * database in that directory; unset selects PGlite in DATA_DIR (not in production).
   */
  DATABASE_URL: z
    .string()
    .max(2000)
    .regex(/^(postgres|postgresql|pglite):/, 'must start with postgres://, postgresql:// or pglite://')
    .optional(),
  /** PGlite data directory (ignored with DATABASE_URL). */
  DATA_DIR: z.string().max(1000).default(resolve(PROJECT_ROOT, '.data/pglite')),
  /** PostgreSQL pool size per instance, and session limits on every pooled connection (ms, 0 = none). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(DB_TIMEOUT_DEFAULTS.statementTimeoutMs),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(DB_TIMEOUT_DEFAULTS.lockTimeoutMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(DB_TIMEOUT_DEFAULTS.idleInTransactionTimeoutMs),
  /** HS256 secret for access tokens; generated into .data/ outside production when unset. */
  JWT_SECRET: z.string().min(32).max(512).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Seed the demo engagement when the database is empty (default on, except in production where it is refused). */
  SEED_DEMO: bool.optional(),
  /** Base URL used in invitation links shown to the inviter. */
  PUBLIC_URL: z.string().max(500).optional(),
  /** Comma-separated origins allowed by CORS; same-origin only when empty. */
  CORS_ORIGINS: z.string().max(2000).default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** scrypt cost (N); lower only for tests and benchmarks. */
  SCRYPT_COST: z.coerce.number().int().min(1024).max(1_048_576).default(32_768),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Shared per-caller rate limits (docs/operations.md#rate-limits): sign-in, TOTP and signing per window… */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(100_000).default(30),
  /** …verification and imports (heavy parsing) per window… */
  RATE_LIMIT_HEAVY_MAX: z.coerce.number().int().min(1).max(100_000).default(10),
  /** …and registrations (scrypt, new organizations) per address and hour. */
  RATE_LIMIT_REGISTER_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Overload protection: past this event-loop delay (or heap, 0 = unchecked) requests get 503, health checks excepted. */
  OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  OVERLOAD_MAX_HEAP_USED_BYTES: z.coerce.number().int().min(0).default(0),
  OVERLOAD_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** After SIGTERM: how long in-flight requests may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /**
   * Proxies whose X-Forwarded-For / -Proto are believed: comma-separated
   * addresses or CIDRs (or loopback, linklocal, uniquelocal). Empty: none, the
   * peer's own address is the client's.
   */
  TRUST_PROXY: z
    .string()
    .max(2000)
    .regex(/^[\s,]*((loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)[\s,]*)*$/, 'a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal')
    .default(''),
  /** Notifications (docs/notifications.md): smtp(s)://user:pass@host:port; unset keeps mail in the development mailbox. */
  SMTP_URL: z.string().max(2000).regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().max(320).default('Bunkai <no-reply@bunkai.invalid>'),
  /** Lets webhooks target loopback, link-local and private addresses (local receivers, tests). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** How often an idle job worker looks for due jobs. */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  /** PDF annex seal (docs/annex.md): a PKCS#12 file and its passphrase; unset, a self-signed certificate is generated beside DATA_DIR. */
  SIGNING_P12_PATH: z.string().max(1000).optional(),
  SIGNING_P12_PASSPHRASE: z.string().max(1000).optional(),
  /** PEM bundle of certificates the platform sealed with before (docs/operations.md#certificate-rotation); their seals still verify. */
  SIGNING_PREVIOUS_CERTIFICATES_PATH: z.string().max(1000).optional(),
  /** RFC 3161 time-stamping authority for the PDF seal (PAdES B-T); unset, sealed PDFs carry no time-stamp. */
  SIGNING_TSA_URL: z.string().max(2000).url().regex(/^https?:\/\//, 'must start with http:// or https://').optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL URL; undefined selects PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  dbStatementTimeoutMs: number;
  dbLockTimeoutMs: number;
  dbIdleInTransactionTimeoutMs: number;
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
  shutdownTimeoutMs: number;
  rateLimitWindowSeconds: number;
  rateLimitMax: number;
  rateLimitHeavyMax: number;
  rateLimitRegisterPerHour: number;
  overloadMaxEventLoopDelayMs: number;
  overloadMaxHeapUsedBytes: number;
  overloadSampleIntervalMs: number;
  /** Proxy addresses/CIDRs trusted for X-Forwarded-*; empty = none. */
  trustProxy: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  webhookAllowPrivate: boolean;
  jobsPollMs: number;
  /** PKCS#12 file the PDF annex is sealed with; undefined: the generated self-signed one. */
  signingP12Path: string | undefined;
  signingP12Passphrase: string;
  /** PEM bundle of earlier seal certificates, besides the ones recorded beside DATA_DIR; undefined: none. */
  signingPreviousCertificatesPath: string | undefined;
  /** RFC 3161 TSA asked for a time-stamp on every seal; undefined: none (and the PDF build stays deterministic). */
  signingTsaUrl: string | undefined;
};

/** What opening the database needs: the server and `npm run migrate` both read it. */
export type DatabaseConfig = Pick<
  Config,
  'env' | 'databaseUrl' | 'dataDir' | 'dbPoolMax' | 'dbStatementTimeoutMs' | 'dbLockTimeoutMs' | 'dbIdleInTransactionTimeoutMs'
>;

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

type Env = z.infer<typeof ZEnv>;

const parseEnv = (source: Record<string, string | undefined>): Env => {
  // An empty value (`JWT_SECRET=` in a copied .env) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
};

const refuse = (problems: string[]) => {
  if (problems.length) throw new ConfigError(`Refusing to start in production:\n${problems.map((p) => `  ${p}`).join('\n')}`);
};

/** `pglite:///abs/path` or `pglite://relative/path` (to the repository root) → the data directory. */
const pgliteDir = (url: string): string => {
  const path = url.replace(/^pglite:(\/\/)?/, '');
  if (!path) throw new ConfigError('Invalid environment:\n  DATABASE_URL: pglite:// needs a directory, e.g. pglite:///var/lib/bunkai/pglite');
  return resolve(PROJECT_ROOT, path);
};

const databaseConfig = (e: Env): DatabaseConfig => {
  const embedded = !e.DATABASE_URL || e.DATABASE_URL.startsWith('pglite:');
  return {
    env: e.NODE_ENV,
    databaseUrl: embedded ? undefined : e.DATABASE_URL,
    dataDir: e.DATABASE_URL && embedded ? pgliteDir(e.DATABASE_URL) : resolve(PROJECT_ROOT, e.DATA_DIR),
    dbPoolMax: e.DB_POOL_MAX,
    dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    dbLockTimeoutMs: e.DB_LOCK_TIMEOUT_MS,
    dbIdleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
};

const DATABASE_URL_REQUIRED =
  'DATABASE_URL is required in production: postgres://… for PostgreSQL, or pglite:///path to choose the embedded database explicitly';

/** The database settings alone (`npm run migrate` needs no JWT secret or public URL). */
export const loadDatabaseConfig = (source: Record<string, string | undefined> = process.env): DatabaseConfig => {
  const e = parseEnv(source);
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) refuse([DATABASE_URL_REQUIRED]);
  return databaseConfig(e);
};

/**
 * The whole configuration. In production nothing security-relevant falls back
 * to a development default: every missing setting is named at once, and the
 * process refuses to start.
 */
export const loadConfig = (source: Record<string, string | undefined> = process.env): Config => {
  const e = parseEnv(source);
  if (e.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!e.JWT_SECRET) problems.push('JWT_SECRET is required in production (at least 32 characters; e.g. `openssl rand -base64 48`)');
    if (!e.PUBLIC_URL?.startsWith('https://')) problems.push('PUBLIC_URL is required in production and must be an https:// URL (the address users open)');
    if (!e.DATABASE_URL) problems.push(DATABASE_URL_REQUIRED);
    if (e.SEED_DEMO) problems.push('SEED_DEMO must not be true in production: the demo accounts have published passwords');
    refuse(problems);
  }
  const port = e.PORT;
  const db = databaseConfig(e);
  return {
    ...db,
    host: e.HOST,
    port,
    jwtSecret: e.JWT_SECRET ?? devSecret(db.dataDir),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    invitationTtlDays: e.INVITATION_TTL_DAYS,
    seedDemo: e.NODE_ENV !== 'production' && (e.SEED_DEMO ?? true),
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${port}`,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    scryptCost: e.SCRYPT_COST,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    rateLimitWindowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    rateLimitMax: e.RATE_LIMIT_MAX,
    rateLimitHeavyMax: e.RATE_LIMIT_HEAVY_MAX,
    rateLimitRegisterPerHour: e.RATE_LIMIT_REGISTER_PER_HOUR,
    overloadMaxEventLoopDelayMs: e.OVERLOAD_MAX_EVENT_LOOP_DELAY_MS,
    overloadMaxHeapUsedBytes: e.OVERLOAD_MAX_HEAP_USED_BYTES,
    overloadSampleIntervalMs: e.OVERLOAD_SAMPLE_INTERVAL_MS,
    trustProxy: e.TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    jobsPollMs: e.JOBS_POLL_MS,
    signingP12Path: e.SIGNING_P12_PATH === undefined ? undefined : resolve(PROJECT_ROOT, e.SIGNING_P12_PATH),
    signingP12Passphrase: e.SIGNING_P12_PASSPHRASE ?? '',
    signingPreviousCertificatesPath: e.SIGNING_PREVIOUS_CERTIFICATES_PATH === undefined ? undefined : resolve(PROJECT_ROOT, e.SIGNING_PREVIOUS_CERTIFICATES_PATH),
    signingTsaUrl: e.SIGNING_TSA_URL,
  };
};

/** The `createDb` options a configuration stands for (the caller adds its logger). */
export const databaseOptions = (c: DatabaseConfig): CreateDbOptions => ({
  databaseUrl: c.databaseUrl,
  dataDir: c.dataDir,
  poolMax: c.dbPoolMax,
  statementTimeoutMs: c.dbStatementTimeoutMs,
  lockTimeoutMs: c.dbLockTimeoutMs,
  idleInTransactionTimeoutMs: c.dbIdleInTransactionTimeoutMs,
});
