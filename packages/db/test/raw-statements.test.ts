import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  type EventInput,
  appendEvent,
  chainedAppendCtes,
  engagements,
  eventHeads,
  events,
  executeNamed,
  hashEvent,
  hashInputTemplate,
  jsonRowReader,
  organizations,
  verifyChain,
} from '../src/index.ts';
import { createTestDatabase, testEngine } from '../src/testing/index.ts';

let database: Database;
let orgId: string;

const newEngagement = async () => {
  const [eng] = await database.db
    .insert(engagements)
    .values({ ownerOrganizationId: orgId, title: '部門システム更改', systemName: 'PACS', serviceModel: 'on_prem', provisionPattern: 'separate_contracts' })
    .returning();
  return eng!;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const [org] = await database.db.insert(organizations).values({ name: 'デモ総合病院', kind: 'hospital' }).returning();
  orgId = org!.id;
});
afterAll(() => database.close());

const input = (engagementId: string, type: string, payload: Record<string, unknown>): EventInput => ({
  engagementId,
  type,
  actorUserId: null,
  actorPartyId: null,
  subjectId: engagementId,
  payload,
});

/** Appends through the database-side chain, as the negotiation write path does. */
const appendInDatabase = (engagementId: string, inputs: EventInput[]) =>
  database.db.transaction((tx) =>
    executeNamed<{ head_hash: string | null }>(tx, `test_chained_append_${inputs.length}`, (p) => sql`with ${chainedAppendCtes(inputs, p)} select (select hash from chain_head_hash) as head_hash`),
  );

describe(`hand-written statements on ${testEngine()}`, () => {
  it('hashes events in SQL exactly as hashEvent does, after events appended in TypeScript', async () => {
    const eng = await newEngagement();
    await appendEvent(database.db, input(eng.id, 'engagement.created', { title: eng.title }));
    // Strings that canonical JSON escapes or normalizes (NFC), numbers, nesting, nulls.
    const tricky = { note: '「ｶﾀｶﾅ」 and \u0065\u0301 "quoted" \\ \n tab\t', n: 1.5, nested: { b: [1, null, true], a: '責任分界' } };
    const [row] = await appendInDatabase(eng.id, [input(eng.id, 'proposal.created', tricky), input(eng.id, 'cell.agreed', { cellVersion: 3 })]);
    await appendEvent(database.db, input(eng.id, 'comment.created', { body: 'after' }));

    const stored = await database.db.select().from(events).where(sql`${events.engagementId} = ${eng.id}`).orderBy(events.seq);
    expect(stored.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    for (const e of stored) expect(e.hash).toBe(hashEvent(e));
    expect(row!.head_hash).toBe(stored[2]!.hash);
    expect(await verifyChain(database.db, eng.id)).toMatchObject({ ok: true, count: 4 });
  });

  it('appends nothing when the engagement has no chain head yet, and says so', async () => {
    const eng = await newEngagement();
    const [row] = await appendInDatabase(eng.id, [input(eng.id, 'x', {})]);
    expect(row!.head_hash).toBeNull();
    expect(await database.db.select().from(eventHeads).where(sql`${eventHeads.engagementId} = ${eng.id}`)).toEqual([]);
  });

  it('refuses a statement with a value that bypasses param() (its text is rendered once per name)', async () => {
    await expect(executeNamed(database.db, 'test_inlined_value', () => sql`select ${1} as one`)).rejects.toThrow(/param\(\)/);
    const [row] = await executeNamed<{ one: number }>(database.db, 'test_param_value', (p) => sql`select ${p(1)}::int as one`);
    expect(row!.one).toBe(1);
    // Same name, new values: the rendered text is reused, the values are not.
    const [again] = await executeNamed<{ one: number }>(database.db, 'test_param_value', (p) => sql`select ${p(2)}::int as one`);
    expect(again!.one).toBe(2);
  });

  it('reads a to_jsonb row into the shape drizzle selects', async () => {
    const eng = await newEngagement();
    const [selected] = await database.db.select().from(engagements).where(sql`${engagements.id} = ${eng.id}`);
    const { rows } = (await database.db.execute(sql`select to_jsonb(e) as j from engagements e where id = ${eng.id}`)) as unknown as { rows: { j: Record<string, unknown> }[] };
    const read = jsonRowReader(engagements)(rows[0]!.j);
    expect(Object.keys(read).sort()).toEqual(Object.keys(selected!).sort());
    for (const [key, value] of Object.entries(selected!)) {
      // Timestamps come as ISO-8601 from to_jsonb and as PostgreSQL text from drizzle: the same instant.
      if (key.endsWith('At') && value) expect(new Date(String(read[key as keyof typeof read])).getTime()).toBe(new Date(String(value)).getTime());
      else expect(read[key as keyof typeof read]).toEqual(value);
    }
  });
});

describe('hashInputTemplate', () => {
  it('is the canonical hash input with prevHash and seq left out', () => {
    const e = input('00000000-0000-4000-8000-000000000001', 'cell.agreed', { z: 1, a: ['x'] });
    const at = '2026-11-21T00:00:00.000Z';
    const t = hashInputTemplate(e, at);
    const prevHash = 'ab'.repeat(32);
    const text = `${t.before}${prevHash}${t.middle}${42}${t.after}`;
    expect(JSON.parse(text)).toEqual({ v: 1, ...e, seq: 42, at, prevHash });
  });
});
