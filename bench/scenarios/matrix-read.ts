import type { TMatrixResponse } from '../../packages/domain/src/index.ts';
import { runLoad } from '../lib/load.ts';
import { type BenchCtx, alternate, getJson, ownerToken } from './context.ts';

const CONNECTIONS = 4;

/**
 * A run bounded by a number of requests, not a duration: a stress read takes
 * seconds, and a run cut off by a clock drops the requests still in flight
 * (up to one per connection, a quarter of the work at ~10 requests), which
 * understated slow reads. About `ctx.seconds` of load (one read under load
 * takes about CONNECTIONS times one alone), at least five reads per connection.
 */
const amountFor = (ctx: BenchCtx, warmMeanMs: number) => CONNECTIONS * Math.max(5, Math.round((ctx.seconds * 1000) / (warmMeanMs * CONNECTIONS)));

/**
 * Full matrix read (分担表): GET /api/v1/engagements/:id/cells as the owner,
 * against the bare server's seven queries of the same rows + JSON.stringify.
 * Each side gets a few warm-up requests before its measured run.
 */
export const benchMatrixRead = async (ctx: BenchCtx) => {
  const eid = ctx.info.engagementId;
  const token = ownerToken(ctx);
  let bytes = { api: 0, bare: 0 };
  // One request at a time, after warm-up: the cost of a read without concurrency (best over the rounds).
  const alone = { api: Infinity, bare: Infinity };
  const result = await alternate(
    ctx,
    async (s) => {
      const path = `${s.url}/api/v1/engagements/${eid}/cells`;
      const body = await getJson<TMatrixResponse>(path, token);
      if (body.totalCells !== ctx.info.counts.cells) throw new Error(`matrix read returned ${body.totalCells} cells, expected ${ctx.info.counts.cells}`);
      bytes = { ...bytes, api: Buffer.byteLength(JSON.stringify(body)) };
      const warm = await runLoad({ url: path, connections: 1, amount: 5, headers: { authorization: `Bearer ${token}` } });
      alone.api = Math.min(alone.api, warm.min);
      return runLoad({ url: path, connections: CONNECTIONS, amount: amountFor(ctx, warm.mean), headers: { authorization: `Bearer ${token}` } });
    },
    async (s) => {
      const path = `${s.url}/bare/matrix/${eid}`;
      const body = await getJson<{ cells: unknown[] }>(path);
      if (body.cells.length !== ctx.info.counts.cells) throw new Error(`bare read returned ${body.cells.length} cells`);
      bytes = { ...bytes, bare: Buffer.byteLength(JSON.stringify(body)) };
      const warm = await runLoad({ url: path, connections: 1, amount: 5 });
      alone.bare = Math.min(alone.bare, warm.min);
      return runLoad({ url: path, connections: CONNECTIONS, amount: amountFor(ctx, warm.mean) });
    },
  );
  ctx.log(`matrix read: API ${result.api.rps.toFixed(1)} req/s p50 ${result.api.p50} ms; bare ${result.bare.rps.toFixed(1)} req/s p50 ${result.bare.p50} ms`);
  return { ...result, connections: CONNECTIONS, bytes, alone };
};
