import { randomBytes } from 'node:crypto';
import { createDb } from '../../packages/db/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { loadConfig } from '../../apps/api/src/config.ts';
import { createDemoSignoff } from '../../apps/api/src/seed/demo-signoff.ts';

/**
 * The demo's signed annex, built the way the API test does: in-process app on an in-memory PGlite, demo seed,
 * every open item settled, frozen, signed by all four parties, then GET /api/v1/revisions/:id/annex.docx.
 */
export const buildSignedDemoAnnex = async (): Promise<{ docx: Buffer; sha256: string; ms: number }> => {
  const database = await createDb({});
  await database.migrate();
  // No overload guard (0 turns it off): a one-off in-process build on a busy machine is slow, not under attack.
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: randomBytes(32).toString('hex'), SCRYPT_COST: '1024', LOG_LEVEL: 'silent', SEED_DEMO: 'false', OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0' });
  const app = await buildApp({ database, config, logger: false });
  try {
    await app.ready();
    const { revision, members } = await createDemoSignoff(app).seedSignedDemo(database, config);
    if (revision.status !== 'executed') throw new Error(`the demo revision is ${revision.status}, not executed`);
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url: `/api/v1/revisions/${revision.id}/annex.docx`, headers: { authorization: `Bearer ${members.hospital.session.accessToken}` } });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`annex download: ${res.statusCode} ${res.body}`);
    return { docx: res.rawPayload, sha256: revision.sha256 ?? '', ms };
  } finally {
    await app.close();
    await database.close();
  }
};
