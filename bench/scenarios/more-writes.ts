import type { AutocannonRequest } from 'autocannon';
import type { TMatrixResponse } from '../../packages/domain/src/index.ts';
import { runLoad } from '../lib/load.ts';
import { type BenchCtx, alternate, getJson, ownerToken, partyToken, serverPids } from './context.ts';

/**
 * 初回確認 / 完了日, comments, 一括提案 and a structure edit under load, each against its own
 * bare baseline (bench/bare-writes.ts, the same rows in one plain transaction): 32 connections,
 * no two requests in flight on the same cell (or asset), one request type per scenario.
 */
export const MORE_CONNECTIONS = 32;
export const BULK_CELLS = 20;

/** What one request works on: a cell or an asset (its version), or a group of cells (一括提案). */
type Item = { id: string; version: number; ids?: string[] };
type Step = {
  method: 'POST' | 'PATCH';
  path: string;
  body: (item: Item, n: number) => unknown;
  /** The new version from a response (API: the row, or a 409's current row; bare: `version`). */
  version?: (body: Record<string, unknown>) => number | undefined;
};

const parse = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/**
 * Requests take their item from one shared queue and put it back when answered, so no two
 * requests in flight work on the same cell or asset (autocannon resets a connection's context
 * after every sequence, so items cannot be kept per connection). Versions are kept in the items.
 */
const fromQueue = (items: Item[], step: Step, headers: Record<string, string>): AutocannonRequest[] => {
  const queue = [...items];
  let n = 0;
  return [
    {
      setupRequest: (req, context) => {
        const item = queue.shift() ?? items[0]!;
        context.item = item;
        return { ...req, method: step.method, path: step.path.replace(':id', item.id), headers, body: JSON.stringify(step.body(item, n++)) };
      },
      onResponse: (_status, body, context) => {
        const item = context.item as Item;
        const v = step.version?.(parse(body));
        if (v !== undefined) item.version = v;
        queue.push(item);
      },
    },
  ];
};

const versionOf = (key: 'cell' | 'asset') => (b: Record<string, unknown>) =>
  (b.version as number | undefined) ??
  (b[key] as { version?: number } | undefined)?.version ??
  (b.error as { details?: { current?: { version?: number } } } | undefined)?.details?.current?.version;

type Scenario = { name: string; items: (url: string) => Promise<Item[]>; api: Step & { token: string }; bare: Step };

/** One scenario: the API requests and the bare ones over the same items, alternating rounds. */
const run = async (ctx: BenchCtx, sc: Scenario) => {
  const json = { 'content-type': 'application/json' };
  let own: Item[] | undefined;
  const result = await alternate(
    ctx,
    // Read again before every API round: a request still in flight when a run ends leaves its item's version behind.
    async (s) => runLoad({ url: s.url, connections: MORE_CONNECTIONS, duration: ctx.seconds, requests: fromQueue((own = await sc.items(s.url)), sc.api, { ...json, authorization: `Bearer ${sc.api.token}` }) }, serverPids(s)),
    // The items as the API round read them (alternate starts with the API).
    async (s) => runLoad({ url: s.url, connections: MORE_CONNECTIONS, duration: ctx.seconds, requests: fromQueue(own!, sc.bare, json) }, serverPids(s)),
  );
  ctx.log(`${sc.name}: API ${result.api.rps.toFixed(1)} req/s p99 ${result.api.p99} ms (${result.api.failed} failed); bare ${result.bare.rps.toFixed(1)} req/s p99 ${result.bare.p99} ms (${result.bare.failed} failed)`);
  return { ...result, connections: MORE_CONNECTIONS };
};

/** Agreed cells of the dataset as the owner sees them; the first 600 are left to the write path. */
const agreedCells = async (ctx: BenchCtx, url: string, skip: number, count: number): Promise<Item[]> => {
  const m = await getJson<TMatrixResponse>(`${url}/api/v1/engagements/${ctx.info.engagementId}/cells?status=agreed`, ownerToken(ctx));
  // A small dataset (--quick) has fewer: then the last `count` cells, overlapping the write path's.
  const start = Math.max(0, Math.min(600 + skip, m.cells.length - count));
  return m.cells.slice(start, start + count).map((c) => ({ id: c.id, version: c.version }));
};
const split = <T>(xs: T[], parts: number): T[][] => Array.from({ length: parts }, (_, i) => xs.filter((_, j) => j % parts === i));
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + (n % 300) * 86_400_000).toISOString().slice(0, 10);
const ehrOf = (ctx: BenchCtx) => ctx.info.parties.find((p) => p.role === 'ehr_vendor')!;

/** 初回確認 / 完了日 by the hospital (owner), a new 完了日 each time. */
export const benchReview = (ctx: BenchCtx) => {
  const h = ctx.info.hospital;
  const answer = (n: number) => ({ firstCheckAnswer: 'yes', firstCheckOn: '2026-01-05', completedOn: day(n) });
  return run(ctx, {
    name: 'review (初回確認 / 完了日)',
    items: (url) => agreedCells(ctx, url, 0, 256),
    api: { method: 'PATCH', path: '/api/v1/cells/:id/review', token: ownerToken(ctx), body: (item, n) => ({ version: item.version, ...answer(n) }), version: versionOf('cell') },
    bare: { method: 'POST', path: '/bare/review', body: (item, n) => ({ cellId: item.id, partyId: h.id, userId: h.adminUserId, ...answer(n) }), version: versionOf('cell') },
  });
};

/** A comment by the EHR vendor on a cell. */
export const benchComments = (ctx: BenchCtx) => {
  const ehr = ehrOf(ctx);
  const text = (n: number) => `確認しました（${n}）`;
  return run(ctx, {
    name: 'comments',
    items: (url) => agreedCells(ctx, url, 256, 256),
    api: { method: 'POST', path: '/api/v1/cells/:id/comments', token: partyToken(ctx, 'ehr_vendor'), body: (_item, n) => ({ body: text(n) }) },
    bare: { method: 'POST', path: '/bare/comments', body: (item, n) => ({ cellId: item.id, partyId: ehr.id, userId: ehr.adminUserId, body: text(n) }) },
  });
};

/** 一括提案 by the hospital: the same split for 20 cells, each connection on its own 20 (they supersede the previous round's proposals). */
export const benchBulk = (ctx: BenchCtx) => {
  const h = ctx.info.hospital;
  const assignment = { [h.id]: ['A'], [ehrOf(ctx).id]: ['R'] };
  const eid = ctx.info.engagementId;
  return run(ctx, {
    name: `bulk propose (${BULK_CELLS} cells)`,
    items: async (url) => {
      const cells = await agreedCells(ctx, url, 512, MORE_CONNECTIONS * BULK_CELLS);
      // As many groups as connections: every request in flight has its own 20 cells.
      return split(cells, MORE_CONNECTIONS)
        .filter((g) => g.length)
        .map((g, i) => ({ id: `group-${i}`, version: 0, ids: g.map((c) => c.id) }));
    },
    api: { method: 'POST', path: `/api/v1/engagements/${eid}/cells/bulk-proposals`, token: ownerToken(ctx), body: (item) => ({ cellIds: item.ids, assignment, reason: 'bench' }) },
    bare: { method: 'POST', path: '/bare/bulk-proposals', body: (item) => ({ engagementId: eid, cellIds: item.ids, partyId: h.id, userId: h.adminUserId, assignment, reason: 'bench' }) },
  });
};

/** A structure edit: the owner renames an asset (its cells stay as they are). */
export const benchStructure = (ctx: BenchCtx) => {
  const h = ctx.info.hospital;
  return run(ctx, {
    name: 'structure edit (asset renamed)',
    items: async (url) => {
      const { assets } = await getJson<{ assets: { id: string; version: number }[] }>(`${url}/api/v1/engagements/${ctx.info.engagementId}/assets`, ownerToken(ctx));
      return assets.map((a) => ({ id: a.id, version: a.version }));
    },
    api: { method: 'PATCH', path: '/api/v1/assets/:id', token: ownerToken(ctx), body: (item, n) => ({ version: item.version, name: `資産 ${n}` }), version: versionOf('asset') },
    bare: { method: 'POST', path: '/bare/asset', body: (item, n) => ({ assetId: item.id, partyId: h.id, userId: h.adminUserId, name: `資産 ${n}` }), version: versionOf('asset') },
  });
};
