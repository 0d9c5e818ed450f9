import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, signatures } from '@bunkai/db';
import type { TRevisionView } from '@bunkai/domain';
import { createHttpClient } from '../../src/seed/http-client.ts';
import { type SignoffFactories, type SignoffWorld, createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';

let t: TestApp;
let f: SignoffFactories;
let w: SignoffWorld;

/** An engagement whose revision 1 both parties signed. The tamper tests each build their own, so nothing they break leaks. */
const signedWorld = async () => {
  const world = await f.signoffWorld();
  const r1 = await f.freeze(world.owner, world.eid);
  await f.sign(world.owner, r1.id, world.hospitalPartyId, world.devices!.owner);
  await f.sign(world.vendor, r1.id, world.vendorPartyId, world.devices!.vendor);
  return { w: world, r1 };
};

beforeAll(async () => {
  t = await createTestApp();
  f = createSignoffFactories(t.app);
  ({ w } = await signedWorld());
});
afterAll(() => t.close());

type Line = Record<string, unknown> & { record: 'event' | 'signature' | 'verification' };
const jsonl = async (world: SignoffWorld = w) => {
  const res = await world.observer.http.get<string>(`/api/v1/engagements/${world.eid}/audit.jsonl`);
  expect(res.status).toBe(200);
  return { res, lines: res.body.trimEnd().split('\n').map((l) => JSON.parse(l) as Line) };
};

describe('audit trail download (監査証跡)', () => {
  it('lists every event, then every signature, then the chain verification, as JSON lines (observers included)', async () => {
    const { res, lines } = await jsonl();
    expect(String(res.headers['content-type'])).toContain('application/x-ndjson');
    expect(String(res.headers['content-disposition'])).toContain(`bunkai-audit-${w.eid}.jsonl`);
    const evs = lines.filter((l) => l.record === 'event');
    expect(evs.map((e) => e.seq)).toEqual(evs.map((_, i) => i + 1));
    expect(evs[0]).toMatchObject({ seq: 1, type: 'engagement.created', actorUserName: '情報システム課 山田', actorPartyName: 'ひまわり総合病院', prevHash: '0'.repeat(64) });
    expect(evs.map((e) => e.type)).toEqual(expect.arrayContaining(['revision.frozen', 'signature.created', 'revision.executed']));
    const sigs = lines.filter((l) => l.record === 'signature');
    expect(sigs.map((s) => [s.revisionNumber, s.partyName, s.signerName, s.sealValid])).toEqual([
      [1, 'ひまわり総合病院', '情報システム課 山田', true],
      [1, 'さくらネットワーク', '保守部 佐藤', true],
    ]);
    expect(lines.map((l) => l.record)).toEqual([...evs.map(() => 'event'), 'signature', 'signature', 'verification']);
    expect(lines.at(-1)).toMatchObject({ record: 'verification', chain: { ok: true, count: evs.length, firstBreak: null }, signatures: { count: 2, sealsValid: true } });
  });

  it('downloads the same trail as CSV, UTF-8 with BOM, Japanese intact', async () => {
    const res = await w.observer.http.get<string>(`/api/v1/engagements/${w.eid}/audit.csv`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(res.body.startsWith('\uFEFFrecord,seq,at,type,actor_user_id,actor_user,actor_party_id,actor_party,subject_id,payload,prev_hash,hash\r\n')).toBe(true);
    const rows = res.body.trimEnd().split('\r\n').slice(1);
    const { lines } = await jsonl();
    expect(rows).toHaveLength(lines.length);
    expect(rows[0]).toMatch(/^event,1,.*,engagement\.created,.*,情報システム課 山田,.*,ひまわり総合病院,/);
    expect(rows.filter((r) => r.startsWith('signature,'))).toHaveLength(2);
    expect(rows.at(-1)).toMatch(/^verification,,.*,chain\.ok,/);
  });

  it('answers 401 without a token, 404 to non-parties and 400 for a malformed id', async () => {
    expect((await createHttpClient(t.app).get(`/api/v1/engagements/${w.eid}/audit.jsonl`)).status).toBe(401);
    expect((await w.outsider.http.get(`/api/v1/engagements/${w.eid}/audit.csv`)).status).toBe(404);
    expect((await w.outsider.http.get(`/api/v1/engagements/${w.eid}/audit.jsonl`)).status).toBe(404);
    expect((await w.owner.http.get('/api/v1/engagements/nope/audit.jsonl')).status).toBe(400);
  });
});

describe('tamper evidence (改ざん検知)', () => {
  it('reports an event row altered in the database (trigger disabled by a superuser) at its sequence number', async () => {
    const { w } = await signedWorld();
    const [frozen] = await t.database.db.select().from(events).where(and(eq(events.engagementId, w.eid), eq(events.type, 'revision.frozen')));
    const seq = frozen!.seq;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table events disable trigger events_no_update_delete`);
      await tx.execute(sql`update events set payload = ${JSON.stringify({ ...frozen!.payload, number: 99 })}::jsonb where engagement_id = ${w.eid} and seq = ${seq}`);
      await tx.execute(sql`alter table events enable trigger events_no_update_delete`);
    });
    // The guard is back: the API's own database user still cannot rewrite history.
    await expect(t.database.db.update(events).set({ type: 'x' }).where(and(eq(events.engagementId, w.eid), eq(events.seq, 1)))).rejects.toThrow();

    const verified = await w.observer.http.get<{ ok: boolean; firstBreak: { seq: number; reason: string } | null }>(`/api/v1/engagements/${w.eid}/events/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: false, firstBreak: { seq, reason: 'hash_mismatch' } });
    const { lines } = await jsonl(w);
    expect(lines.at(-1)).toMatchObject({ record: 'verification', chain: { ok: false, firstBreak: { seq, reason: 'hash_mismatch' } } });
  });

  it('reports a signature whose sealed fields were altered', async () => {
    const { w, r1 } = await signedWorld();
    await t.database.db.update(signatures).set({ signerName: '別人' }).where(eq(signatures.partyId, w.vendorPartyId));
    const { lines } = await jsonl(w);
    expect(lines.filter((l) => l.record === 'signature').map((s) => s.sealValid)).toEqual([true, false]);
    expect(lines.at(-1)).toMatchObject({ signatures: { count: 2, sealsValid: false } });
    const rev = await w.owner.http.get<{ revision: TRevisionView }>(`/api/v1/revisions/${r1.id}`);
    expect(rev.body.revision.signatures.map((s) => s.sealValid)).toEqual([true, false]);
  });
});
