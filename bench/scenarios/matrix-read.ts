import { request } from 'node:http';
import type { TMatrixCompactResponse } from '../../packages/domain/src/index.ts';
import { decodeMatrix } from '../../packages/domain/src/index.ts';
import { runLoad } from '../lib/load.ts';
import { type BenchCtx, alternate, getJson, ownerToken } from './context.ts';

const CONNECTIONS = 4;
/** Requests of the single-reader run whose p99 is reported (one connection, after warm-up). */
const SINGLE_READER_REQUESTS = 40;
/** The single reader's run is bounded to about this long: 40 reads at reference, a handful at stress (seconds each). */
const SINGLE_READER_BUDGET_MS = 6000;
const singleReaderAmount = (warmMeanMs: number) => Math.max(5, Math.min(SINGLE_READER_REQUESTS, Math.round(SINGLE_READER_BUDGET_MS / Math.max(1, warmMeanMs))));

/**
 * A run bounded by a number of requests, not a duration: a stress read takes
 * seconds, and a run cut off by a clock drops the requests still in flight
 * (up to one per connection, a quarter of the work at ~10 requests), which
 * understated slow reads. About `ctx.seconds` of load (one read under load
 * takes about CONNECTIONS times one alone), at least five reads per connection.
 */
const amountFor = (ctx: BenchCtx, warmMeanMs: number) => CONNECTIONS * Math.max(5, Math.round((ctx.seconds * 1000) / (warmMeanMs * CONNECTIONS)));

/** Bytes on the wire of one GET, as sent (compressed when the server compresses). */
const wireBytes = (url: string, headers: Record<string, string>) =>
  new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }) : reject(new Error(`GET ${url}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });

const BR = { 'accept-encoding': 'br' };

/** Reads of a new version timed per dataset: each after one 初回確認 note changed. */
const READS_AFTER_CHANGE = 5;

/**
 * The first read of a version the API has not seen (its matrix cache misses): one 初回確認 note
 * changes through the API (the engagement's chain head moves), then one compact read is timed.
 * The bare server keeps nothing between reads, so its read alone is the comparison.
 */
const readsAfterChange = async (url: string, eid: string, token: string, cell: { id: string; version: number }) => {
  const times: number[] = [];
  let version = cell.version;
  for (let i = 0; i < READS_AFTER_CHANGE; i++) {
    const res = await fetch(`${url}/api/v1/cells/${cell.id}/review`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ notes: `ベンチマーク 読み ${i}`, version }),
    });
    if (!res.ok) throw new Error(`review: ${res.status} ${await res.text()}`);
    version = ((await res.json()) as { cell: { version: number } }).cell.version;
    const t = performance.now();
    await wireBytes(`${url}/api/v1/engagements/${eid}/cells/compact`, { authorization: `Bearer ${token}`, ...BR });
    times.push(performance.now() - t);
  }
  return times;
};

/**
 * The matrix read (分担表) as the web app makes it: GET /api/v1/engagements/:id/cells/compact
 * as the owner, brotli on the wire — against the bare server's seven queries of the same rows,
 * encoded with the same column encoder and compressed the same way. The plain JSON shape's size
 * is recorded for comparison.
 */
export const benchMatrixRead = async (ctx: BenchCtx) => {
  const eid = ctx.info.engagementId;
  const token = ownerToken(ctx);
  const auth = { authorization: `Bearer ${token}` };
  let bytes = { api: 0, bare: 0, plainJson: 0, compactJson: 0 };
  // One request at a time, after warm-up: the cost of a read without concurrency (best over the rounds).
  const alone = { api: Infinity, bare: Infinity };
  const singleP99 = { api: Infinity, bare: Infinity };
  /** The API's first read of a new version (best and median over the rounds' reads). */
  let afterChange: number[] = [];
  const result = await alternate(
    ctx,
    async (s) => {
      const path = `${s.url}/api/v1/engagements/${eid}/cells/compact`;
      const body = await getJson<TMatrixCompactResponse>(path, token);
      if (decodeMatrix(body).cells.length !== ctx.info.counts.cells) throw new Error(`matrix read returned ${body.cellCount} cells, expected ${ctx.info.counts.cells}`);
      const wire = await wireBytes(path, { ...auth, ...BR });
      if (wire.encoding !== 'br') throw new Error(`matrix read was not compressed (${wire.encoding})`);
      const plain = await wireBytes(`${s.url}/api/v1/engagements/${eid}/cells`, auth);
      bytes = { ...bytes, api: wire.bytes, plainJson: plain.bytes, compactJson: Buffer.byteLength(JSON.stringify(body)) };
      const warm = await runLoad({ url: path, connections: 1, amount: 5, headers: { ...auth, ...BR } });
      alone.api = Math.min(alone.api, warm.min);
      singleP99.api = Math.min(singleP99.api, (await runLoad({ url: path, connections: 1, amount: singleReaderAmount(warm.mean), headers: { ...auth, ...BR } })).p99);
      const loaded = await runLoad({ url: path, connections: CONNECTIONS, amount: amountFor(ctx, warm.mean), headers: { ...auth, ...BR } });
      const agreed = decodeMatrix(body).cells.find((c) => c.status === 'agreed')!;
      afterChange = [...afterChange, ...(await readsAfterChange(s.url, eid, token, agreed))];
      return loaded;
    },
    async (s) => {
      const path = `${s.url}/bare/matrix-compact/${eid}`;
      bytes = { ...bytes, bare: (await wireBytes(path, BR)).bytes };
      const warm = await runLoad({ url: path, connections: 1, amount: 5, headers: BR });
      alone.bare = Math.min(alone.bare, warm.min);
      singleP99.bare = Math.min(singleP99.bare, (await runLoad({ url: path, connections: 1, amount: singleReaderAmount(warm.mean), headers: BR })).p99);
      return runLoad({ url: path, connections: CONNECTIONS, amount: amountFor(ctx, warm.mean), headers: BR });
    },
  );
  const sorted = [...afterChange].sort((a, b) => a - b);
  const changed = { best: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
  ctx.log(`matrix read: API ${result.api.rps.toFixed(1)} req/s p50 ${result.api.p50} ms, ${bytes.api} B; bare ${result.bare.rps.toFixed(1)} req/s p50 ${result.bare.p50} ms, ${bytes.bare} B; first read after a change ${changed.median.toFixed(0)} ms (median)`);
  return { ...result, connections: CONNECTIONS, bytes, alone, singleP99, afterChange: changed };
};
