import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '@bunkai/domain';
import { appendEvent, appendEvents, type Database, engagements, events, organizations, verifyChain } from '../src/index.ts';
import { createTestDatabase, testEngine } from '../src/testing/index.ts';

let database: Database;
let organizationId: string;
let engagementId: string;

/** Each chain test gets its own engagement (its own chain), so the tests run in any order. */
const newEngagement = async () => {
  const [eng] = await database.db
    .insert(engagements)
    .values({ ownerOrganizationId: organizationId, title: '電子カルテ更改', systemName: 'EHR', serviceModel: 'on_prem', provisionPattern: 'separate_contracts' })
    .returning();
  return eng!.id;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const [org] = await database.db.insert(organizations).values({ name: 'デモ総合病院', kind: 'hospital' }).returning();
  organizationId = org!.id;
  engagementId = await newEngagement();
});
afterAll(() => database.close());

const event = (type: string, payload: Record<string, unknown> = {}, engagement = engagementId) => ({
  engagementId: engagement,
  type,
  actorUserId: null,
  actorPartyId: null,
  subjectId: null,
  payload,
});

describe(`database on ${testEngine()}`, () => {
  it('runs on the engine the project selected', () => {
    expect(database.engine).toBe(testEngine());
  });

  it('applies migrations idempotently', async () => {
    await database.migrate();
    const rows = await database.db.execute(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThanOrEqual(15);
  });

  /** A fresh engagement with `n` events appended (seq 1..n). */
  const chainOf = async (n: number) => {
    const id = await newEngagement();
    await database.db.transaction((tx) => appendEvents(tx, Array.from({ length: n }, (_, i) => event(i === 2 ? 'b' : 'a', i === 2 ? { n: 1 } : {}, id))));
    return id;
  };

  it('chains events: seq 1 links to genesis, each next links to the previous hash', async () => {
    const id = await newEngagement();
    const first = await database.db.transaction((tx) => appendEvent(tx, event('engagement.created', { title: '電子カルテ更改' }, id)));
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    const more = await database.db.transaction((tx) => appendEvents(tx, [event('a', {}, id), event('b', { n: 1 }, id)]));
    expect(more.map((e) => e.seq)).toEqual([2, 3]);
    expect(more[0]!.prevHash).toBe(first.hash);
    expect(more[1]!.prevHash).toBe(more[0]!.hash);
    const v = await verifyChain(database.db, id);
    expect(v).toMatchObject({ ok: true, count: 3, firstBreak: null, headHash: more[1]!.hash });
  });

  it('keeps the chain gapless under concurrent appends', async () => {
    const id = await chainOf(3);
    await Promise.all(Array.from({ length: 20 }, (_, i) => database.db.transaction((tx) => appendEvent(tx, event('race', { i }, id)))));
    const v = await verifyChain(database.db, id);
    expect(v.ok).toBe(true);
    expect(v.count).toBe(23);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on events in the database itself', async () => {
    await chainOf(1); // row triggers fire only when a row exists
    // drizzle wraps the driver error; the database's own message is the cause.
    const refused = { cause: { message: expect.stringMatching(/events are append-only/) } };
    await expect(database.db.update(events).set({ type: 'forged' })).rejects.toMatchObject(refused);
    await expect(database.db.delete(events)).rejects.toMatchObject(refused);
    await expect(database.db.execute(sql`truncate events`)).rejects.toMatchObject(refused);
  });

  it('reports the first broken link when a row is altered behind the trigger', async () => {
    const id = await chainOf(3);
    // A superuser can disable the guard; verification must still catch the edit.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table events disable trigger events_no_update_delete`);
      await tx.execute(sql`update events set payload = '{"n": 2}'::jsonb where engagement_id = ${id} and seq = 3`);
      await tx.execute(sql`alter table events enable trigger events_no_update_delete`);
    });
    const v = await verifyChain(database.db, id);
    expect(v.ok).toBe(false);
    expect(v.firstBreak).toMatchObject({ seq: 3, reason: 'hash_mismatch' });
    expect(v.count).toBe(2);
  });

  it('reports a truncated chain when the newest events are deleted behind the trigger', async () => {
    const id = await chainOf(3);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table events disable trigger events_no_update_delete`);
      await tx.execute(sql`delete from events where engagement_id = ${id} and seq > 1`);
      await tx.execute(sql`alter table events enable trigger events_no_update_delete`);
    });
    const v = await verifyChain(database.db, id);
    expect(v.firstBreak).toMatchObject({ seq: 2, reason: 'truncated' });
  });

  it('enforces one cell per duty and asset, engagement-wide included', async () => {
    const r = await database.db.execute(
      sql`select indexdef from pg_indexes where indexname = 'cells_duty_asset_key'`,
    );
    expect(JSON.stringify(r)).toMatch(/NULLS NOT DISTINCT/);
  });

  it('refuses values outside the domain vocabularies (CHECK constraints)', async () => {
    const refused = { cause: { code: '23514' } };
    // Bypasses the typed column on purpose: the database itself must refuse the value.
    await expect(database.db.execute(sql`insert into organizations (name, kind) values ('x', 'pharmacy')`)).rejects.toMatchObject(refused);
    await expect(database.db.execute(sql`update engagements set status = 'archived' where id = ${engagementId}`)).rejects.toMatchObject(refused);
    const checks = await database.db.execute(sql`select conname from pg_constraint where contype = 'c' and conname like '%\_check' order by conname`);
    const names = (checks as unknown as { rows: { conname: string }[] }).rows.map((r) => r.conname);
    expect(names).toEqual(
      expect.arrayContaining(['cells_status_check', 'cells_first_check_answer_check', 'parties_role_check', 'assets_category_check', 'duties_phase_check', 'revisions_status_check', 'proposals_status_check']),
    );
  });

  it('indexes every foreign key column', async () => {
    const r = await database.db.execute(sql`
      select c.conrelid::regclass::text as tbl, a.attname as col
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and array_length(c.conkey, 1) = 1
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
        )`);
    expect((r as unknown as { rows: unknown[] }).rows).toEqual([]);
  });
});
