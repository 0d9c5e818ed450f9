import type { TMatrixResponse, TRevisionExport } from '../../packages/domain/src/index.ts';
import { canonicalJson } from '../../packages/domain/src/index.ts';
import { sha256Hex } from '../../packages/db/src/index.ts';
import { startApi } from '../lib/servers.ts';
import { type BenchCtx, getJson, ownerToken, postJson, withServer } from './context.ts';

const min = (xs: number[]) => Math.min(...xs);

/**
 * 凍結 + hash: POST /api/v1/engagements/:id/revisions timed end to end (the
 * live matrix read, findings, the freeze checks, the canonical snapshot, its
 * SHA-256, the revision row and events in one transaction), against
 * canonicalJson + SHA-256 of that same snapshot alone.
 *
 * The dataset is mid-amendment (cells open), so first the hospital takes every
 * open cell itself in one 一括提案 (agreed at once): then the matrix can be frozen.
 * Between two timed freezes one 初回確認 note changes, so there is something new
 * to freeze each time.
 */
export const benchFreeze = async (ctx: BenchCtx, iterations: number) =>
  withServer(
    () => startApi(ctx.data),
    async (s) => {
      const eid = ctx.info.engagementId;
      const token = ownerToken(ctx);
      const h = ctx.info.hospital.id;
      const m = await getJson<TMatrixResponse>(`${s.url}/api/v1/engagements/${eid}/cells?status=unassigned,proposed,disputed`, token);
      for (let i = 0; i < m.cells.length; i += 5000)
        await postJson(`${s.url}/api/v1/engagements/${eid}/cells/bulk-proposals`, { cellIds: m.cells.slice(i, i + 5000).map((c) => c.id), assignment: { [h]: ['R', 'A'] }, reason: '病院側で引き取り（凍結前の整理）' }, token);
      const times: number[] = [];
      let revision: { id: string; number: number; sha256: string } | undefined;
      for (let i = 0; i < iterations; i++) {
        if (i > 0) {
          const [cell] = (await getJson<TMatrixResponse>(`${s.url}/api/v1/engagements/${eid}/cells?status=agreed`, token)).cells;
          const res = await fetch(`${s.url}/api/v1/cells/${cell!.id}/review`, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ notes: `ベンチマーク ${i}`, version: cell!.version }),
          });
          if (!res.ok) throw new Error(`review: ${res.status} ${await res.text()}`);
        }
        const t = performance.now();
        revision = (await postJson<{ revision: { id: string; number: number; sha256: string } }>(`${s.url}/api/v1/engagements/${eid}/revisions`, {}, token, [201])).revision;
        times.push(performance.now() - t);
      }
      const doc = await getJson<TRevisionExport>(`${s.url}/api/v1/revisions/${revision!.id}/export.json`, token);
      const hashTimes: number[] = [];
      let sha = '';
      for (let i = 0; i < Math.max(3, iterations); i++) {
        const t = performance.now();
        sha = sha256Hex(canonicalJson(doc.canonical));
        hashTimes.push(performance.now() - t);
      }
      if (sha !== revision!.sha256) throw new Error('the canonical export does not hash to the frozen revision');
      const canonicalBytes = Buffer.byteLength(canonicalJson(doc.canonical));
      ctx.log(`freeze: ${min(times).toFixed(0)} ms (canonical ${(canonicalBytes / 1e6).toFixed(1)} MB hashed alone in ${min(hashTimes).toFixed(0)} ms)`);
      return { freezeMs: min(times), freezeRuns: times, hashMs: min(hashTimes), canonicalBytes, revision: revision!, settledCells: m.cells.length };
    },
  );
