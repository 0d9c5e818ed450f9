import type { TAssetCategory, TAssignment, TRaciRole, TTerms } from '../../packages/domain/src/index.ts';
import type { Rng } from '../lib/rng.ts';
import type { AssetRow, DutyRow, SetupParty } from './setup.ts';
import type { CellRow, ProposalRow, SimParty, Simulation } from './simulate.ts';
import { WORKER_ROLE } from './spec.ts';

type Ctx = { sim: Simulation; rng: Rng; parties: readonly SetupParty[]; dutyById: Map<string, DutyRow>; assetById: Map<string, AssetRow> };

const RESPONSE = ['即時', '1時間以内', '4時間以内', '翌営業日', '24時間以内'];
const FREQUENCY = ['随時', '日次', '週次', '月1回', '四半期ごと', '年1回'];
const EVIDENCE = ['作業報告書', '点検記録', 'ログの写し', '月次運用報告書', '変更管理票'];
const REMARKS = ['', '', '', '夜間・休日は翌営業日対応', '詳細は保守契約書 別紙2による', '緊急時は電話連絡の上で実施'];
const COMMENTS = [
  '現行契約ではこの作業は含まれていません。追加費用の扱いを確認させてください。',
  '夜間の一次対応は当社の監視センターで受けられます。',
  '病院側で実施する場合の手順書をご提供いただけますか。',
  'この資産は来年度に更新予定のため、期限付きの合意としたいです。',
  '担当窓口を保守部に変更しました。',
  '前回の障害時の対応実績を踏まえて分担を見直したいです。',
  '承知しました。社内で確認のうえ回答します。',
];
const REJECT_REASONS = ['体制上、この時間帯の対応はお受けできません', '当社の保守範囲外です', '費用負担の整理が必要です', '責任の所在を病院側に残したいです'];

const byRole = (ctx: Ctx, role: string) => ctx.parties.find((p) => p.role === role)!;
const vendors = (ctx: Ctx) => ctx.parties.filter((p) => p.role !== 'hospital' && p.role !== 'observer');

/** Who usually does the work on a cell: by asset category, or by duty category for engagement-wide duties. */
const workerOf = (ctx: Ctx, cell: CellRow): SimParty => {
  const asset = cell.assetId ? ctx.assetById.get(cell.assetId) : undefined;
  if (asset) return byRole(ctx, WORKER_ROLE[asset.category as TAssetCategory]);
  const cat = ctx.dutyById.get(cell.dutyId)?.category ?? 'governance';
  const role = ['governance', 'contract', 'education', 'audit', 'coordination'].includes(cat)
    ? 'hospital'
    : cat === 'network'
      ? 'network_vendor'
      : cat === 'remote_maintenance'
        ? 'vpn_owner'
        : ['data_handling', 'incident_response'].includes(cat)
          ? 'ehr_vendor'
          : 'maintenance_vendor';
  return byRole(ctx, role);
};

const set = (a: TAssignment, id: string, ...roles: TRaciRole[]) => {
  a[id] = [...new Set([...(a[id] ?? []), ...roles])];
};

/** A plausible split (分担): exactly one A, at least one R, the observer only informed. */
const splitFor = (ctx: Ctx, cell: CellRow): TAssignment => {
  const { rng } = ctx;
  const hospital = ctx.sim.hospital;
  const worker = workerOf(ctx, cell);
  const other = rng.pick(vendors(ctx).filter((v) => v.id !== worker.id));
  const observer = byRole(ctx, 'observer');
  const a: TAssignment = {};
  const r = rng.next();
  if (worker.id === hospital.id || r < 0.12) set(a, hospital.id, 'R', 'A');
  else if (r < 0.3) {
    set(a, worker.id, 'R', 'A');
    set(a, hospital.id, 'I');
  } else {
    set(a, hospital.id, 'A');
    set(a, worker.id, 'R');
    if (r > 0.85) set(a, other.id, 'R');
  }
  if (!a[other.id] && rng.chance(0.5)) set(a, other.id, 'C');
  if (rng.chance(0.3)) set(a, observer.id, 'I');
  return a;
};

const termsFor = (rng: Rng): TTerms => ({
  responseTime: rng.pick(RESPONSE),
  frequency: rng.pick(FREQUENCY),
  evidence: rng.pick(EVIDENCE),
  remarks: rng.pick(REMARKS),
});

/** The rejecting party's counter: it steps back to C (the hospital takes what it gave up), or only the terms change. */
const counterOf = (ctx: Ctx, a: TAssignment, rejecter: SimParty): TAssignment => {
  const hospital = ctx.sim.hospital;
  const mine = a[rejecter.id] ?? [];
  if (rejecter.id === hospital.id || !(mine.includes('R') || mine.includes('A'))) return { ...a };
  const out: TAssignment = {};
  for (const [id, roles] of Object.entries(a)) if (id !== rejecter.id) out[id] = [...roles];
  out[rejecter.id] = ['C'];
  if (mine.includes('A')) set(out, hospital.id, 'A');
  if (!Object.values(out).some((x) => x.includes('R'))) set(out, hospital.id, 'R');
  return out;
};

const others = (ctx: Ctx, not: string) => ctx.parties.filter((p) => p.id !== not && p.role !== 'observer');

/**
 * One negotiation round on a cell, as people do it: a proposal by the
 * hospital or the party doing the work, sometimes a rejection and a counter,
 * comments, then every required party accepts (`settle`) — or it is left
 * open / disputed for the amendment in progress.
 */
export const negotiate = (ctx: Ctx, cell: CellRow, opts: { settle: 'agree' | 'open' | 'dispute'; rejectRate: number; commentRate: number }) => {
  const { sim, rng } = ctx;
  const worker = workerOf(ctx, cell);
  const proposer = rng.chance(0.5) ? sim.hospital : worker;
  const split = splitFor(ctx, cell);
  let p: ProposalRow = sim.propose(cell, proposer, split, termsFor(rng), proposer.id === sim.hospital.id ? '確認表に基づく病院案' : '保守契約の範囲に合わせた提案');
  if (cell.status === 'agreed') return;
  if (rng.chance(opts.commentRate)) sim.comment(cell, rng.pick(others(ctx, '')), rng.pick(COMMENTS));
  const required = sim.required(p);
  if (opts.settle === 'dispute' || (required.length && rng.chance(opts.rejectRate))) {
    const rejecter = rng.pick(required);
    sim.respond(p, rejecter, 'reject', rng.pick(REJECT_REASONS));
    if (opts.settle === 'dispute') return;
    if (rng.chance(0.5)) sim.comment(cell, rejecter, rng.pick(COMMENTS));
    p = sim.propose(cell, rejecter, counterOf(ctx, split, rejecter), termsFor(rng), '対案：分担を見直しました');
    if ((cell.status as string) === 'agreed') return; // sim.propose settles the cell in place; TS still narrows the earlier check
  }
  const pending = sim.pendingFrom(p);
  const accepting = opts.settle === 'open' ? pending.slice(0, Math.max(0, pending.length - 1 - rng.int(2))) : pending;
  for (const party of accepting) sim.respond(p, party, 'accept', rng.chance(0.1) ? '承知しました' : '');
};

/** 初回確認 with its date (a いいえ with its 完了予定日, as the domain requires), sometimes 完了日 too. */
export const reviewCell = (ctx: Ctx, cell: CellRow, day: string) => {
  if (!cell.firstCheckAnswer) {
    const yes = ctx.rng.chance(0.93);
    const due = new Date(Date.parse(`${day}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    ctx.sim.review(cell, ctx.sim.hospital, yes ? { firstCheckAnswer: 'yes', firstCheckOn: day } : { firstCheckAnswer: 'no', firstCheckOn: day, completionDueOn: due });
  }
  else if (!cell.completedOn) ctx.sim.review(cell, ctx.sim.hospital, { completedOn: day });
  else ctx.sim.review(cell, ctx.sim.hospital, { notes: `${day} 実施状況を確認済み` });
};

/** A later round on an agreed cell: re-proposal, sometimes withdrawn, otherwise agreed again; discussion around it. */
export const renegotiate = (ctx: Ctx, cell: CellRow) => {
  const { sim, rng } = ctx;
  if (rng.chance(0.08)) {
    const p = sim.propose(cell, workerOf(ctx, cell), splitFor(ctx, cell), termsFor(rng), '体制変更に伴う見直し');
    if (cell.status !== 'agreed') {
      sim.comment(cell, sim.hospital, rng.pick(COMMENTS));
      sim.withdraw(p, workerOf(ctx, cell));
    }
    return;
  }
  negotiate(ctx, cell, { settle: 'agree', rejectRate: 0.15, commentRate: 0.5 });
};

export type PhaseCtx = Ctx;
