import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { TestApp } from '../helpers/test-app.ts';
import type { TemplateWorld } from './roles.ts';
import { openStream, seqs } from './sse-client.ts';
import { useStreamHarness } from './stream-harness.ts';

const sse = useStreamHarness();
const { path, open, head, touch } = sse;
let t: TestApp;
let w: TemplateWorld;
let baseUrl: string;
beforeAll(() => {
  ({ t, w, baseUrl } = sse);
});

describe('GET /api/v1/engagements/:id/events/stream', () => {
  it('streams an event written after connecting, with SSE headers and framing', async () => {
    const h = await head();
    const s = await open(baseUrl, w.vendor, `?after=${h}`);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.headers['cache-control']).toBe('no-cache');
    expect(s.headers['x-accel-buffering']).toBe('no');
    await touch('ライブ更新①');
    await s.waitFor(`seq ${h + 1}`, (x) => seqs(x).includes(h + 1));
    const e = s.events[0]!;
    expect(e.event).toBe('engagement.updated');
    const data = JSON.parse(e.data) as { seq: number; type: string; hash: string; payload: { changes: { description: string } } };
    expect(data).toMatchObject({ seq: h + 1, type: 'engagement.updated', payload: { changes: { description: 'ライブ更新①' } } });
    expect(data.hash).toMatch(/^[0-9a-f]{64}$/);
    await touch('ライブ更新②');
    await s.waitFor(`seq ${h + 2}`, (x) => seqs(x).includes(h + 2));
    expect(seqs(s)).toEqual([h + 1, h + 2]);
  });

  it('sends the whole log first when no position is given', async () => {
    const h = await head();
    const s = await open(baseUrl, w.observer);
    await s.waitFor(`seq ${h}`, (x) => seqs(x).includes(h));
    expect(seqs(s)).toEqual(Array.from({ length: h }, (_, i) => i + 1));
  });

  it('resumes after Last-Event-ID (which wins over ?after=) without gaps or repeats', async () => {
    await touch('再接続前');
    const h = await head();
    const s = await open(baseUrl, w.hospitalMember, '?after=1', { 'last-event-id': '3' });
    await s.waitFor(`seq ${h}`, (x) => seqs(x).includes(h));
    await touch('再接続後');
    await s.waitFor(`seq ${h + 1}`, (x) => seqs(x).includes(h + 1));
    expect(seqs(s)).toEqual(Array.from({ length: h - 2 }, (_, i) => i + 4));
  });

  it('delivers a burst of writes once each, in order', async () => {
    const h = await head();
    const s = await open(baseUrl, w.owner, `?after=${h}`);
    for (let i = 0; i < 8; i++) await touch(`連続更新${i}`);
    await s.waitFor(`seq ${h + 8}`, (x) => seqs(x).includes(h + 8));
    expect(seqs(s)).toEqual(Array.from({ length: 8 }, (_, i) => h + 1 + i));
  });

  it('refuses anonymous callers (401), non-parties (404) and a bad Last-Event-ID (400) before streaming', async () => {
    expect((await t.app.inject({ method: 'GET', url: path() })).statusCode).toBe(401);
    const outsider = await t.app.inject({ method: 'GET', url: path(), headers: { authorization: `Bearer ${w.outsider.session.accessToken}` } });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toMatchObject({ error: { code: 'not_found' } });
    const bad = await t.app.inject({ method: 'GET', url: path(), headers: { authorization: `Bearer ${w.owner.session.accessToken}`, 'last-event-id': 'abc' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_last_event_id' } });
    const negative = await t.app.inject({ method: 'GET', url: path('?after=-1'), headers: { authorization: `Bearer ${w.owner.session.accessToken}` } });
    expect(negative.statusCode).toBe(400);
  });

  it('ends the stream when the access token that opened it expires', async () => {
    const actor = w.vendor.session;
    const { sid } = t.app.jwt.decode<{ sid: string }>(actor.accessToken)!;
    const token = t.app.jwt.sign({ sub: actor.user.id, org: actor.organization.id, role: actor.user.orgRole, sid, typ: 'access' }, { expiresIn: 2 });
    const s = await openStream(baseUrl, path(), { authorization: `Bearer ${token}` });
    sse.keep(s);
    expect(s.status).toBe(200);
    await s.ended;
  });

  it('ends open streams when the app closes, so shutdown does not hang', async () => {
    const app = await buildApp({ database: t.database, config: t.config, logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const s = await open(url, w.owner, '?after=0');
    await s.waitFor('first event', (x) => x.events.length > 0);
    await app.close();
    await s.ended;
  });
});
