import { createHash } from 'node:crypto';
import { type SQL, and, asc, eq, gt, sql } from 'drizzle-orm';
import { GENESIS_HASH, canonicalJson } from '@bunkai/domain';
import type { Db } from './create-db.ts';
import { type Param, executeNamed, jsonRowReader } from './raw-statements.ts';
import { eventHeads, events } from './schema/index.ts';

/**
 * The hash-chain format (version 1), documented in docs/decisions/0003-hash-chain.md:
 *
 *   hash = hex(SHA-256(UTF-8(canonicalJson({
 *     v: 1, engagementId, seq, type, actorUserId, actorPartyId, subjectId, payload, at, prevHash
 *   }))))
 *
 * `at` is the ISO-8601 UTC timestamp with milliseconds stored verbatim in the
 * row; `prevHash` is the previous event's hash, or 64 zeros for seq 1.
 */
export const EVENT_HASH_VERSION = 1;

export type EventInput = {
  engagementId: string;
  type: string;
  actorUserId: string | null;
  actorPartyId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
};

export type EventRow = typeof events.$inferSelect;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const hashEvent = (e: Omit<EventRow, 'hash'>): string =>
  sha256Hex(
    canonicalJson({
      v: EVENT_HASH_VERSION,
      engagementId: e.engagementId,
      seq: e.seq,
      type: e.type,
      actorUserId: e.actorUserId,
      actorPartyId: e.actorPartyId,
      subjectId: e.subjectId,
      payload: e.payload,
      at: e.at,
      prevHash: e.prevHash,
    }),
  );

type ChainHead = { engagementId: string; seq: number; hash: string };

/**
 * Locks one engagement's chain head for the rest of the caller's transaction
 * and reads it. The upsert takes the row's lock, so concurrent writers to the
 * same engagement append one after the other and the chain stays gapless.
 */
const lockChainHead = async (tx: Db, engagementId: string): Promise<ChainHead> => {
  const [head] = await tx
    .insert(eventHeads)
    .values({ engagementId, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: eventHeads.engagementId, set: { seq: sql`${eventHeads.seq}` } })
    .returning({ seq: eventHeads.seq, hash: eventHeads.hash });
  if (!head) throw new Error('event head missing');
  return { engagementId, seq: head.seq, hash: head.hash };
};

/**
 * An event's hash input around its two chain-dependent fields, so that the
 * database can finish it: `before + prevHash + middle + seq + after` is
 * exactly the canonical JSON `hashEvent` hashes (top-level keys are sorted
 * ASCII names, so `prevHash` and `seq` sit between `payload` and `subjectId`).
 */
export const hashInputTemplate = (e: EventInput, at: string) => {
  const left = canonicalJson({ actorPartyId: e.actorPartyId, actorUserId: e.actorUserId, at, engagementId: e.engagementId, payload: e.payload });
  const right = canonicalJson({ subjectId: e.subjectId, type: e.type, v: EVENT_HASH_VERSION });
  return { before: `${left.slice(0, -1)},"prevHash":"`, middle: '","seq":', after: `,${right.slice(1)}` };
};

/**
 * CTEs that lock the chain head, hash and insert `inputs` after it, and move
 * the head — inside whatever statement they are part of. The hashes are
 * computed by PostgreSQL (`sha256` over the template of `hashInputTemplate`),
 * so the head is locked only from this statement to the commit, with no round
 * trip in between: the hot write path uses it. `chain_head_hash` (a CTE) is
 * empty when the engagement has no head yet; the caller must check.
 */
export const chainedAppendCtes = (inputs: readonly EventInput[], param: Param, at = new Date()): SQL => {
  const first = inputs[0];
  if (!first) throw new Error('chainedAppendCtes: no events');
  const engagementId = first.engagementId;
  if (inputs.some((i) => i.engagementId !== engagementId)) throw new Error('chainedAppendCtes: one engagement per call');
  const iso = at.toISOString();
  const link = (i: number) => sql.raw(`chain_${i}`);
  const engagement = param(engagementId);
  const parts: SQL[] = [sql`chain_0 as (select seq, hash from ${eventHeads} where engagement_id = ${engagement} for update)`];
  inputs.forEach((e, i) => {
    const t = hashInputTemplate(e, iso);
    parts.push(
      sql`${link(i + 1)} as (select p.seq + 1 as seq, p.hash as prev_hash,
          encode(sha256(convert_to(${param(t.before)}::text || p.hash || ${param(t.middle)}::text || (p.seq + 1)::text || ${param(t.after)}::text, 'UTF8')), 'hex') as hash
        from ${link(i)} p)`,
      sql`${sql.raw(`chain_event_${i + 1}`)} as (insert into ${events} (engagement_id, seq, type, actor_user_id, actor_party_id, subject_id, payload, at, prev_hash, hash)
        select ${engagement}, c.seq, ${param(e.type)}::text, ${param(e.actorUserId)}::uuid, ${param(e.actorPartyId)}::uuid, ${param(e.subjectId)}::uuid,
          ${param(JSON.stringify(e.payload))}::jsonb, ${param(iso)}::text, c.prev_hash, c.hash
        from ${link(i + 1)} c)`,
    );
  });
  const last = link(inputs.length);
  parts.push(
    sql`chain_moved as (update ${eventHeads} set seq = c.seq, hash = c.hash from ${last} c where ${eventHeads}.engagement_id = ${engagement})`,
    sql`chain_head_hash as (select hash from ${last})`,
  );
  return sql.join(parts, sql`, `);
};

const readEvent = jsonRowReader(events);

/**
 * One statement: lock the head (`select … for update`, so it cannot append to an engagement
 * without one), hash the events after it in a recursive CTE — PostgreSQL finishes each
 * `hashInputTemplate` with the previous hash and the sequence number — insert them, move the
 * head. The SQL text is the same for any number of events (arrays and one jsonb parameter), so
 * it is one prepared statement. Returns null when the engagement has no head yet.
 */
const appendStatement = async (tx: Db, inputs: readonly EventInput[], iso: string): Promise<EventRow[] | null> => {
  const engagementId = inputs[0]!.engagementId;
  const templates = inputs.map((e) => hashInputTemplate(e, iso));
  const rows = JSON.stringify(inputs.map((e) => ({ type: e.type, actor_user_id: e.actorUserId, actor_party_id: e.actorPartyId, subject_id: e.subjectId, payload: e.payload })));
  const [row] = await executeNamed<{ appended: Record<string, unknown>[]; had_head: boolean }>(
    tx,
    'bunkai_append_events',
    (p) => sql`with recursive
      chain_0 as (select seq, hash from ${eventHeads} where engagement_id = ${p(engagementId)}::uuid for update),
      chain(i, seq, prev_hash, hash) as (
        select 0, seq, null::text, hash from chain_0
        union all
        select c.i + 1, c.seq + 1, c.hash,
          encode(sha256(convert_to((${p(templates.map((t) => t.before))}::text[])[c.i + 1] || c.hash || ${p(templates[0]!.middle)}::text || (c.seq + 1)::text
            || (${p(templates.map((t) => t.after))}::text[])[c.i + 1], 'UTF8')), 'hex')
        from chain c where c.i < ${p(inputs.length)}::int),
      input as (select x.ord, x.e from jsonb_array_elements(${p(rows)}::jsonb) with ordinality as x(e, ord)),
      appended as (insert into ${events} (engagement_id, seq, type, actor_user_id, actor_party_id, subject_id, payload, at, prev_hash, hash)
        select ${p(engagementId)}::uuid, c.seq, r.e ->> 'type', (r.e ->> 'actor_user_id')::uuid, (r.e ->> 'actor_party_id')::uuid, (r.e ->> 'subject_id')::uuid,
          r.e -> 'payload', ${p(iso)}::text, c.prev_hash, c.hash
        from chain c join input r on r.ord = c.i
        returning *),
      moved as (update ${eventHeads} set seq = c.seq, hash = c.hash from chain c where ${eventHeads}.engagement_id = ${p(engagementId)}::uuid and c.i = ${p(inputs.length)}::int)
    select coalesce((select jsonb_agg(to_jsonb(a) order by a.seq) from appended a), '[]'::jsonb) as appended, exists (select 1 from chain_0) as had_head`,
  );
  if (!row?.had_head) return null;
  return row.appended.map(readEvent);
};

/**
 * Appends events to one engagement's chain inside the caller's transaction, in
 * one statement (up to 5000 events each) that takes the head's lock: held from
 * there to the commit, so a writer that appends last holds it for no round trip
 * (decision record 0005). The first event of an engagement creates its head first.
 */
export const appendEvents = async (tx: Db, inputs: readonly EventInput[], at = new Date()): Promise<EventRow[]> => {
  const first = inputs[0];
  if (!first) return [];
  if (inputs.some((i) => i.engagementId !== first.engagementId)) throw new Error('appendEvents: one engagement per call');
  const iso = at.toISOString();
  const out: EventRow[] = [];
  for (let i = 0; i < inputs.length; i += 5000) {
    const part = inputs.slice(i, i + 5000);
    let rows = await appendStatement(tx, part, iso);
    if (!rows) {
      await lockChainHead(tx, first.engagementId);
      rows = await appendStatement(tx, part, iso);
    }
    if (!rows) throw new Error(`event head of engagement ${first.engagementId} missing`);
    out.push(...rows);
  }
  return out;
};

export const appendEvent = async (tx: Db, input: EventInput, at?: Date): Promise<EventRow> => {
  const [row] = await appendEvents(tx, [input], at);
  if (!row) throw new Error('event not appended');
  return row;
};

export type ChainBreak = {
  seq: number;
  reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'truncated';
  expected: string;
  actual: string;
};
export type ChainVerification = { ok: boolean; count: number; headHash: string; firstBreak: ChainBreak | null };

/** Recomputes an engagement's chain from seq 1, page by page, and reports the first broken link. */
export const verifyChain = async (db: Db, engagementId: string, pageSize = 5000): Promise<ChainVerification> => {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(events)
      .where(and(eq(events.engagementId, engagementId), gt(events.seq, expectedSeq - 1)))
      .orderBy(asc(events.seq))
      .limit(pageSize);
    for (const row of page) {
      const brk = checkLink(row, expectedSeq, expectedPrev);
      if (brk) return { ok: false, count, headHash: expectedPrev, firstBreak: brk };
      expectedPrev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < pageSize) break;
  }
  // Rows deleted from the end leave a valid but shorter chain: compare with the recorded tip.
  const [head] = await db.select().from(eventHeads).where(eq(eventHeads.engagementId, engagementId));
  if (head && (head.seq !== count || head.hash !== expectedPrev)) {
    return { ok: false, count, headHash: expectedPrev, firstBreak: { seq: count + 1, reason: 'truncated', expected: `${head.seq}:${head.hash}`, actual: `${count}:${expectedPrev}` } };
  }
  return { ok: true, count, headHash: expectedPrev, firstBreak: null };
};

const checkLink = (row: EventRow, expectedSeq: number, expectedPrev: string): ChainBreak | null => {
  if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: 'gap', expected: String(expectedSeq), actual: String(row.seq) };
  if (row.prevHash !== expectedPrev)
    return { seq: row.seq, reason: 'prev_hash_mismatch', expected: expectedPrev, actual: row.prevHash };
  const recomputed = hashEvent(row);
  if (recomputed !== row.hash) return { seq: row.seq, reason: 'hash_mismatch', expected: recomputed, actual: row.hash };
  return null;
};
