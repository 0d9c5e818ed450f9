import { createHash } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { GENESIS_HASH, canonicalJson } from '@bunkai/domain';
import type { Db } from './create-db.ts';
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

/**
 * Appends events to one engagement's chain inside the caller's transaction.
 * The upsert on `event_heads` takes that row's lock, so concurrent writers to
 * the same engagement append one after the other and the chain stays gapless.
 */
export const appendEvents = async (tx: Db, inputs: readonly EventInput[], at = new Date()): Promise<EventRow[]> => {
  const first = inputs[0];
  if (!first) return [];
  const engagementId = first.engagementId;
  if (inputs.some((i) => i.engagementId !== engagementId)) throw new Error('appendEvents: one engagement per call');

  const [head] = await tx
    .insert(eventHeads)
    .values({ engagementId, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: eventHeads.engagementId, set: { seq: sql`${eventHeads.seq}` } })
    .returning({ seq: eventHeads.seq, hash: eventHeads.hash });
  if (!head) throw new Error('event head missing');

  const iso = at.toISOString();
  let prevHash = head.hash;
  let seq = head.seq;
  const rows: EventRow[] = inputs.map((input) => {
    seq += 1;
    const base = { ...input, seq, at: iso, prevHash };
    const row = { ...base, hash: hashEvent(base) };
    prevHash = row.hash;
    return row;
  });
  // Each chunk's rows travel as one jsonb parameter, and the head moves in the same statement: two round
  // trips per append whatever its size (template instantiation and bulk proposals write thousands).
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const last = chunk.at(-1)!;
    const json = JSON.stringify(chunk.map(toColumns));
    await tx.execute(
      sql`with appended as (insert into ${events} select * from jsonb_populate_recordset(null::${events}, ${json}::jsonb))
          update ${eventHeads} set ${sql.identifier('seq')} = ${last.seq}, ${sql.identifier('hash')} = ${last.hash}
          where ${sql.identifier('engagement_id')} = ${engagementId}`,
    );
  }
  return rows;
};

/** A row keyed by column name, as jsonb_populate_recordset expects it. */
const toColumns = (r: EventRow) => ({
  engagement_id: r.engagementId,
  seq: r.seq,
  type: r.type,
  actor_user_id: r.actorUserId,
  actor_party_id: r.actorPartyId,
  subject_id: r.subjectId,
  payload: r.payload,
  at: r.at,
  prev_hash: r.prevHash,
  hash: r.hash,
});

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
