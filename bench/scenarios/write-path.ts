import type { AutocannonRequest } from 'autocannon';
import type { TMatrixResponse } from '../../packages/domain/src/index.ts';
import { runLoad } from '../lib/load.ts';
import { type BenchCtx, alternate, getJson, ownerToken, partyToken, serverPids } from './context.ts';

export const WRITE_CONNECTIONS = 32;
const POOL = 512;

/**
 * One operation = 提案 by the EHR vendor (hospital A, vendor R) and 承諾 by
 * the hospital, which agrees the cell. 32 connections take cells from one
 * shared queue, so no two operations touch the same cell at once; each
 * connection sends its propose, then the accept of what it proposed.
 */
const requests = (pool: { id: string; version: number }[], propose: (cell: { id: string; version: number }) => AutocannonRequest, accept: (proposalId: string) => AutocannonRequest, read: { proposal: (body: string) => { proposalId?: string; version?: number }; accepted: (body: string) => number | undefined }): AutocannonRequest[] => {
  const queue = [...pool];
  const versions = new Map(pool.map((c) => [c.id, c.version]));
  return [
    {
      setupRequest: (req, context) => {
        const cell = queue.shift() ?? pool[0]!;
        context.cellId = cell.id;
        return { ...req, ...propose({ id: cell.id, version: versions.get(cell.id) ?? cell.version }) };
      },
      onResponse: (status, body, context) => {
        const r = read.proposal(body);
        context.proposalId = status < 300 ? r.proposalId : undefined;
        if (r.version !== undefined) versions.set(String(context.cellId), r.version);
      },
    },
    {
      setupRequest: (req, context) => ({ ...req, ...accept(String(context.proposalId ?? '00000000-0000-4000-8000-000000000000')) }),
      onResponse: (_status, body, context) => {
        const v = read.accepted(body);
        if (v !== undefined) versions.set(String(context.cellId), v);
        queue.push({ id: String(context.cellId), version: versions.get(String(context.cellId)) ?? 1 });
      },
    },
  ];
};

const parse = (body: string): Record<string, unknown> => {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export const benchWritePath = async (ctx: BenchCtx) => {
  const eid = ctx.info.engagementId;
  const hospital = ctx.info.hospital;
  const ehr = ctx.info.parties.find((p) => p.role === 'ehr_vendor')!;
  const assignment = { [hospital.id]: ['A'], [ehr.id]: ['R'] };
  const terms = { responseTime: '4時間以内', frequency: '月1回', evidence: '作業報告書', remarks: '' };
  const json = { 'content-type': 'application/json' };
  const result = await alternate(
    ctx,
    async (s) => {
      const m = await getJson<TMatrixResponse>(`${s.url}/api/v1/engagements/${eid}/cells?status=agreed`, ownerToken(ctx));
      const pool = m.cells.slice(0, POOL).map((c) => ({ id: c.id, version: c.version }));
      const vendor = { ...json, authorization: `Bearer ${partyToken(ctx, 'ehr_vendor')}` };
      const owner = { ...json, authorization: `Bearer ${ownerToken(ctx)}` };
      return runLoad({
        url: s.url,
        connections: WRITE_CONNECTIONS,
        duration: ctx.seconds,
        requests: requests(
          pool,
          (cell) => ({ method: 'POST', path: `/api/v1/cells/${cell.id}/proposals`, headers: vendor, body: JSON.stringify({ assignment, terms, reason: 'bench', version: cell.version }) }),
          (pid) => ({ method: 'POST', path: `/api/v1/proposals/${pid}/accept`, headers: owner, body: '{}' }),
          {
            proposal: (body) => {
              const b = parse(body) as { proposal?: { id: string }; cell?: { version: number }; error?: { details?: { current?: { version: number } } } };
              return { proposalId: b.proposal?.id, version: b.cell?.version ?? b.error?.details?.current?.version };
            },
            accepted: (body) => (parse(body) as { cell?: { version: number } }).cell?.version,
          },
        ),
      }, serverPids(s));
    },
    async (s) => {
      const m = await getJson<{ cells: { id: string; status: string; version: number }[] }>(`${s.url}/bare/matrix/${eid}`);
      const pool = m.cells.filter((c) => c.status === 'agreed').slice(0, POOL);
      return runLoad({
        url: s.url,
        connections: WRITE_CONNECTIONS,
        duration: ctx.seconds,
        requests: requests(
          pool,
          (cell) => ({ method: 'POST', path: '/bare/proposals', headers: json, body: JSON.stringify({ cellId: cell.id, partyId: ehr.id, userId: ehr.adminUserId, assignment, terms }) }),
          (pid) => ({ method: 'POST', path: '/bare/accept', headers: json, body: JSON.stringify({ proposalId: pid, partyId: hospital.id, userId: hospital.adminUserId }) }),
          { proposal: (body) => ({ proposalId: (parse(body) as { proposalId?: string }).proposalId }), accepted: () => undefined },
        ),
      }, serverPids(s));
    },
  );
  ctx.log(`write path: API ${(result.api.rps / 2).toFixed(1)} op/s p99 ${result.api.p99} ms (${result.api.failed} failed); bare ${(result.bare.rps / 2).toFixed(1)} op/s p99 ${result.bare.p99} ms`);
  return { ...result, connections: WRITE_CONNECTIONS };
};
