/**
 * The bare baseline the benchmarks compare the API with: a plain node:http
 * server on the same database doing the same reads and writes with no
 * framework, no authentication, no validation, no access checks, no rules —
 * just the SQL and JSON.stringify. Started by bench/lib/servers.ts with
 * BARE_DATA={"engine":"pglite","dataDir":…} or {"engine":"postgres","url":…}.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants } from 'node:zlib';
import { GENESIS_HASH, encodeColumn } from '../packages/domain/src/index.ts';
import { createDb, hashEvent } from '../packages/db/src/index.ts';
import { type Raw, rawOf } from './lib/raw.ts';
import { type AssetBody, type BulkBody, type CommentBody, type ReviewBody, bareWrites } from './bare-writes.ts';

type Q = Raw['query'];

const data = JSON.parse(process.env.BARE_DATA ?? '{}') as { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string };
const database = await createDb(data.engine === 'postgres' ? { databaseUrl: data.url } : { dataDir: data.dataDir });
const raw = rawOf(database, { prepared: true });

/** The same rows the matrix route reads: engagement, parties, assets, duties, cells, open proposals and their responses. */
const matrixRows = async (engagementId: string) => {
  const [engagement, parties, assets, duties, cells, proposals, responses] = await Promise.all([
    raw.query('select * from engagements where id = $1', [engagementId]),
    raw.query('select * from parties where engagement_id = $1 order by position', [engagementId]),
    raw.query('select * from assets where engagement_id = $1 order by position', [engagementId]),
    raw.query('select * from duties where engagement_id = $1 order by kakuninhyo_part, sort_order, code', [engagementId]),
    raw.query('select * from cells where engagement_id = $1', [engagementId]),
    raw.query(`select * from proposals where engagement_id = $1 and status = 'open'`, [engagementId]),
    raw.query(
      `select r.* from proposal_responses r join proposals p on p.id = r.proposal_id where p.engagement_id = $1 and p.status = 'open' order by r.created_at`,
      [engagementId],
    ),
  ]);
  return { engagement: engagement[0], parties, assets, duties, cells, proposals, responses };
};
const matrix = async (engagementId: string) => JSON.stringify(await matrixRows(engagementId));

/** Rows as columns with the domain's column encoder: the compact shape without the API's rules. */
const columns = (rows: readonly Record<string, unknown>[]) => {
  const keys = Object.keys(rows[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, encodeColumn(rows.map((r) => r[k]))]));
};
const compress = promisify(brotliCompress);
/** The same rows, columnar, brotli at the quality @fastify/compress uses (4): the floor for the compact matrix read. */
const matrixCompact = async (engagementId: string) => {
  const m = await matrixRows(engagementId);
  const body = JSON.stringify({ ...m, cells: columns(m.cells as Record<string, unknown>[]), proposals: columns(m.proposals as Record<string, unknown>[]), responses: columns(m.responses as Record<string, unknown>[]) });
  return compress(body, { params: { [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT, [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } });
};

/** Appends events to the chain the way appendEvents does (head row lock, hash, insert, new head), in raw SQL. */
const append = async (q: Q, engagementId: string, specs: { type: string; actorUserId: string; actorPartyId: string; subjectId: string; payload: Record<string, unknown> }[]) => {
  const [head] = await q<{ seq: string; hash: string }>(
    `insert into event_heads (engagement_id, seq, hash) values ($1, 0, $2) on conflict (engagement_id) do update set seq = event_heads.seq returning seq, hash`,
    [engagementId, GENESIS_HASH],
  );
  let seq = Number(head!.seq);
  let prevHash = head!.hash;
  const at = new Date().toISOString();
  for (const s of specs) {
    seq += 1;
    const base = { engagementId, seq, type: s.type, actorUserId: s.actorUserId, actorPartyId: s.actorPartyId, subjectId: s.subjectId, payload: s.payload, at, prevHash };
    const hash = hashEvent(base);
    await q(
      `insert into events (engagement_id, seq, type, actor_user_id, actor_party_id, subject_id, payload, at, prev_hash, hash) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [engagementId, seq, s.type, s.actorUserId, s.actorPartyId, s.subjectId, JSON.stringify(s.payload), at, prevHash, hash],
    );
    prevHash = hash;
  }
  await q('update event_heads set seq = $2, hash = $3 where engagement_id = $1', [engagementId, seq, prevHash]);
};

type ProposeBody = { cellId: string; partyId: string; userId: string; assignment: Record<string, string[]>; terms: Record<string, string> };
type AcceptBody = { proposalId: string; partyId: string; userId: string };

const propose = (b: ProposeBody) =>
  raw.transaction(async (q) => {
    const [cell] = await q<{ engagement_id: string }>('select engagement_id from cells where id = $1 for update', [b.cellId]);
    const engagementId = cell!.engagement_id;
    const [p] = await q<{ id: string }>(
      `insert into proposals (cell_id, engagement_id, proposer_party_id, proposer_user_id, assignment, terms, reason) values ($1,$2,$3,$4,$5,$6,'') returning id`,
      [b.cellId, engagementId, b.partyId, b.userId, JSON.stringify(b.assignment), JSON.stringify(b.terms)],
    );
    const [c] = await q<{ version: number }>(
      `update cells set status = 'proposed', open_proposal_id = $2, version = version + 1, updated_at = now() where id = $1 returning version`,
      [b.cellId, p!.id],
    );
    await append(q, engagementId, [
      { type: 'proposal.created', actorUserId: b.userId, actorPartyId: b.partyId, subjectId: b.cellId, payload: { proposalId: p!.id, cellId: b.cellId, assignment: b.assignment, terms: b.terms, cellVersion: c!.version } },
    ]);
    return { proposalId: p!.id, version: c!.version };
  });

const accept = (b: AcceptBody) =>
  raw.transaction(async (q) => {
    const [p] = await q<{ cell_id: string; engagement_id: string; assignment: unknown; terms: unknown }>(
      'select p.cell_id, p.engagement_id, p.assignment, p.terms from proposals p join cells c on c.id = p.cell_id where p.id = $1 for update of c',
      [b.proposalId],
    );
    await q(`insert into proposal_responses (proposal_id, party_id, user_id, response, reason) values ($1,$2,$3,'accept','')`, [b.proposalId, b.partyId, b.userId]);
    await q(`update proposals set status = 'agreed', closed_at = now() where id = $1`, [b.proposalId]);
    const [c] = await q<{ version: number }>(
      `update cells set status = 'agreed', assignment = $2, terms = $3, open_proposal_id = null, version = version + 1, updated_at = now() where id = $1 returning version`,
      [p!.cell_id, JSON.stringify(p!.assignment), JSON.stringify(p!.terms)],
    );
    const ev = { actorUserId: b.userId, actorPartyId: b.partyId, subjectId: p!.cell_id };
    await append(q, p!.engagement_id, [
      { ...ev, type: 'proposal.accepted', payload: { proposalId: b.proposalId, cellId: p!.cell_id, partyId: b.partyId, reason: '', cellVersion: c!.version } },
      { ...ev, type: 'cell.agreed', payload: { cellId: p!.cell_id, proposalId: b.proposalId, assignment: p!.assignment, terms: p!.terms, cellVersion: c!.version } },
    ]);
    return { version: c!.version };
  });

const writes = bareWrites(raw, append);

const readBody = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
};

const send = (res: ServerResponse, status: number, body: string | Buffer, encoding?: 'br') => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(encoding ? { 'content-encoding': encoding } : {}) });
  res.end(body);
};

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const handle = async () => {
    if (url === '/ready') return send(res, 200, '{}');
    const m = /^\/bare\/matrix\/([0-9a-f-]{36})$/.exec(url);
    if (req.method === 'GET' && m) return send(res, 200, await matrix(m[1]!));
    const mc = /^\/bare\/matrix-compact\/([0-9a-f-]{36})$/.exec(url);
    if (req.method === 'GET' && mc) return send(res, 200, await matrixCompact(mc[1]!), 'br');
    if (req.method === 'POST' && url === '/bare/proposals') return send(res, 201, JSON.stringify(await propose((await readBody(req)) as ProposeBody)));
    if (req.method === 'POST' && url === '/bare/accept') return send(res, 200, JSON.stringify(await accept((await readBody(req)) as AcceptBody)));
    if (req.method === 'POST' && url === '/bare/review') return send(res, 200, JSON.stringify(await writes.review((await readBody(req)) as ReviewBody)));
    if (req.method === 'POST' && url === '/bare/comments') return send(res, 201, JSON.stringify(await writes.comment((await readBody(req)) as CommentBody)));
    if (req.method === 'POST' && url === '/bare/bulk-proposals') return send(res, 200, JSON.stringify(await writes.bulk((await readBody(req)) as BulkBody)));
    if (req.method === 'POST' && url === '/bare/asset') return send(res, 200, JSON.stringify(await writes.asset((await readBody(req)) as AssetBody)));
    return send(res, 404, '{}');
  };
  handle().catch((err: unknown) => send(res, 500, JSON.stringify({ error: String(err) })));
});

server.listen(Number(process.env.PORT), '127.0.0.1');
const shutdown = () => server.close(() => void database.close().then(() => process.exit(0)));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
