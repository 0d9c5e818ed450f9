import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import type { TEngagementSummary } from '@bunkai/domain';
import { buildApp } from '../../src/app.ts';
import type { TestApp } from '../helpers/test-app.ts';
import type { TemplateWorld } from './roles.ts';
import { seqs } from './sse-client.ts';
import { useStreamHarness } from './stream-harness.ts';

/*
 * PostgreSQL only (the file name keeps it out of the pglite project): PGlite
 * lives inside one process, so two API instances cannot share it.
 */
const sse = useStreamHarness();
const { open, head, touch } = sse;
let t: TestApp;
let w: TemplateWorld;
let baseUrl: string;
beforeAll(() => {
  ({ t, w, baseUrl } = sse);
});

describe('two API instances on one PostgreSQL', () => {
  it('both stream every event, whichever instance wrote it', async () => {
    const url = (t.database as Database & { url?: string }).url;
    expect(url).toMatch(/^postgres:/);
    const database = await createDb({ databaseUrl: url });
    sse.closeAfter(database);
    const second = await buildApp({ database, config: t.config, logger: false });
    sse.closeAfter(second);
    const secondUrl = await second.listen({ port: 0, host: '127.0.0.1' });
    const h = await head();
    const viaFirst = await open(baseUrl, w.vendor, `?after=${h}`);
    const viaSecond = await open(secondUrl, w.observer, `?after=${h}`);
    await touch('インスタンス1から');
    // The same write, through the second instance's own HTTP server and database pool.
    const { body } = await w.owner.http.get<{ engagement: TEngagementSummary }>(`/api/v1/engagements/${w.engagement.id}`);
    const r = await second.inject({
      method: 'PATCH',
      url: `/api/v1/engagements/${w.engagement.id}`,
      headers: { authorization: `Bearer ${w.owner.session.accessToken}` },
      payload: { version: body.engagement.version, description: 'インスタンス2から' },
    });
    expect(r.statusCode).toBe(200);
    for (const s of [viaFirst, viaSecond]) {
      await s.waitFor(`seq ${h + 2}`, (x) => seqs(x).includes(h + 2));
      expect(seqs(s)).toEqual([h + 1, h + 2]);
      expect(s.events.map((e) => (JSON.parse(e.data) as { payload: { changes: { description: string } } }).payload.changes.description)).toEqual([
        'インスタンス1から',
        'インスタンス2から',
      ]);
    }
    expect(viaFirst.events.map((e) => e.data)).toEqual(viaSecond.events.map((e) => e.data));
  });
});
