import { beforeAll, describe, expect, it } from 'vitest';
import { type Database, createDb } from '@bunkai/db';
import type { TPresentationSignal } from '@bunkai/domain';
import { buildApp } from '../../src/app.ts';
import type { TestApp } from '../helpers/test-app.ts';
import type { TemplateWorld } from '../events/roles.ts';
import type { SseStream } from '../events/sse-client.ts';
import { useStreamHarness } from '../events/stream-harness.ts';

/*
 * PostgreSQL only (PGlite lives inside one process): the presenter talks to one API instance, the
 * followers stream from both, so presenter mode (初回確認) needs no state in any API process.
 */
const sse = useStreamHarness();
let t: TestApp;
let w: TemplateWorld;
let baseUrl: string;
beforeAll(() => {
  ({ t, w, baseUrl } = sse);
});
const moves = (s: SseStream) => s.events.filter((e) => e.event === 'review.presentation').map((e) => (JSON.parse(e.data) as TPresentationSignal).presentation?.cellId ?? null);

describe('presenter mode across two API instances on one PostgreSQL', () => {
  it('followers on either instance get each move, whichever instance the presenter used', async () => {
    const url = (t.database as Database & { url?: string }).url;
    expect(url).toMatch(/^postgres:/);
    const database = sse.closeAfter(await createDb({ databaseUrl: url }));
    const second = sse.closeAfter(await buildApp({ database, config: t.config, logger: false }));
    const secondUrl = await second.listen({ port: 0, host: '127.0.0.1' });
    const h = await sse.head();
    const viaFirst = await sse.open(baseUrl, w.vendor, `?after=${h}`);
    const viaSecond = await sse.open(secondUrl, w.observer, `?after=${h}`);
    const cells = (await w.owner.http.get<{ cells: { id: string }[] }>(`/api/v1/engagements/${w.eid}/cells`)).body.cells.slice(0, 2).map((c) => c.id);
    const path = `/api/v1/engagements/${w.eid}/review/presentation`;
    const auth = { authorization: `Bearer ${w.owner.session.accessToken}` };

    expect((await t.app.inject({ method: 'PUT', url: path, headers: auth, payload: { cellId: cells[0] } })).statusCode).toBe(200);
    expect((await second.inject({ method: 'PUT', url: path, headers: auth, payload: { cellId: cells[1] } })).statusCode).toBe(200);
    // The second instance reads what the first wrote: the state is in the database.
    const read = await second.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${w.vendor.session.accessToken}` } });
    expect(read.json()).toMatchObject({ presentation: { cellId: cells[1], presenterUserId: w.owner.session.user.id } });
    expect((await t.app.inject({ method: 'DELETE', url: path, headers: auth })).statusCode).toBe(204);
    for (const s of [viaFirst, viaSecond]) {
      await s.waitFor('three signals', (x) => moves(x).length === 3);
      expect(moves(s)).toEqual([cells[0], cells[1], null]);
    }
    expect(await sse.head()).toBe(h);
  });
});
