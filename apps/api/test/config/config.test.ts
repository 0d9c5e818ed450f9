import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, PROJECT_ROOT, loadConfig } from '../../src/config.ts';

describe('config', () => {
  it('accepts the documented .env.example as it is', () => {
    const env = Object.fromEntries(
      readFileSync(`${PROJECT_ROOT}/.env.example`, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const c = loadConfig({ ...env, JWT_SECRET: 'x'.repeat(40) });
    expect(c).toMatchObject({ port: 4170, databaseUrl: undefined, dataDir: `${PROJECT_ROOT}/.data/pglite`, seedDemo: true });
  });

  it('refuses invalid values with a readable message, and production without a secret', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
  });
});
