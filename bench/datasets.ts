/**
 * Benchmark datasets: the reference "large hospital" engagement and its 10×
 * stress version (see dataset/spec.ts and docs/benchmarks.md), written to
 * either engine straight through drizzle in bulk, with every change also
 * appended to the hash chain with `appendEvents`. The negotiation is played
 * out by dataset/simulate.ts with the API's own rules; revisions are frozen by
 * the API's revisions service. Deterministic per seed (ids, choices, texts).
 *
 *   const info = await generateDataset(database, DATASETS.reference);
 */
import type { TAssetCategory, TCellStatus } from '../packages/domain/src/index.ts';
import type { Database } from '../packages/db/src/index.ts';
import { createRng } from './lib/rng.ts';
import { rawOf } from './lib/raw.ts';
import { type PhaseCtx, negotiate, renegotiate, reviewCell } from './dataset/phases.ts';
import { type SetupParty, emitSetupEvents, insertAssets, insertDuties, insertParties } from './dataset/setup.ts';
import { freezeRevision, ownerActor, persistAmendingState, signRevision } from './dataset/signoff.ts';
import { type CellRow, createSimulation } from './dataset/simulate.ts';
import { DATASETS, type DatasetSpec } from './dataset/spec.ts';
import { createVariety } from './dataset/variety.ts';
import { flushSimulation } from './dataset/writer.ts';

export { DATASETS, type DatasetSpec };

export type DatasetInfo = {
  spec: DatasetSpec['name'];
  engagementId: string;
  parties: SetupParty[];
  hospital: SetupParty;
  owner: ReturnType<typeof ownerActor>;
  counts: { parties: number; assets: number; duties: number; cells: number; events: number; revisions: number; proposals: number; comments: number };
  cellsByStatus: Record<string, number>;
  generationMs: number;
};

const AMENDMENT_CATEGORIES: TAssetCategory[] = ['application', 'application', 'server', 'client_terminal'];

export const generateDataset = async (database: Database, spec: DatasetSpec, log: (msg: string) => void = () => {}): Promise<DatasetInfo> => {
  const started = performance.now();
  const rng = createRng(spec.seed);
  const tag = `${spec.name}-${Math.floor(performance.timeOrigin).toString(36)}`;
  const { engagementId, parties, hospital } = await insertParties(database, rng, tag);
  const sim = createSimulation(engagementId, parties, rng);
  emitSetupEvents(sim, engagementId, parties);
  const duties = await insertDuties(database, sim, engagementId, spec, rng);
  const assets = await insertAssets(database, sim, { engagementId, parties, duties, rng, startPosition: 0 }, spec.assetsPerCategory);
  const assetById = new Map(assets.map((a) => [a.id, a]));
  const variety = createVariety(spec.cellVariety, rng, spec.seed, assetById);
  const ctx: PhaseCtx = { sim, rng, parties, dutyById: new Map(duties.map((d) => [d.id, d])), assetById, variety };
  await flushSimulation(database, sim);
  const signing = parties.filter((p) => p.role !== 'observer');
  const day = (n: number) => new Date(Date.UTC(2025, 3, 1) + n * 86_400_000).toISOString().slice(0, 10);

  // Phase 1: every cell negotiated to agreement (a few 対象外), kickoff answers recorded; revision 1.
  const baseCells = [...sim.cellById.values()];
  for (const cell of baseCells) {
    // Duties the findings rules watch (patch, accounts, logs, …) are never taken out of scope here.
    if (variety.rngFor(cell, 'not-applicable').chance(0.04) && !ctx.dutyById.get(cell.dutyId)?.concerns.length) sim.notApplicable(cell, '当院では該当する運用がないため対象外');
    else negotiate(ctx, cell, { settle: 'agree', rejectRate: 0.12, commentRate: 0.3 });
    if (variety.rngFor(cell, 'reviewed').chance(0.7)) reviewCell(ctx, cell, day(30));
  }
  // Kickoff reviews of like cells happen together (one meeting, one date); a deviating cell is reviewed alone.
  const groups = new Map<string, CellRow[]>();
  for (const cell of baseCells) if (!variety.deviates(cell)) groups.set(variety.groupOf(cell), [...(groups.get(variety.groupOf(cell)) ?? []), cell]);
  const review = (cell: CellRow, on: string) => {
    const like = variety.deviates(cell) ? [cell] : (groups.get(variety.groupOf(cell)) ?? [cell]).filter((c) => c.status === cell.status);
    for (const c of like) reviewCell(ctx, c, on);
  };
  const amendmentCells = Math.round((spec.amendmentAssets * baseCells.length) / Math.max(1, assets.length));
  const perPhase = Math.max(0, (spec.targetEvents - sim.eventCount() - amendmentCells * 4) / spec.revisions);
  log(`${spec.name}: ${baseCells.length} cells negotiated (${sim.eventCount()} events); ~${Math.round(perPhase)} more events per later phase`);

  const agreedCells = () => baseCells.filter((c) => c.status === 'agreed');
  const busy = (budget: number, dayNo: number) => {
    const target = sim.eventCount() + budget;
    let pool = agreedCells();
    while (sim.eventCount() < target && pool.length) {
      const cell = pool[rng.int(pool.length)]!;
      const r = rng.next();
      if (r < 0.6) renegotiate(ctx, cell);
      else if (r < 0.8) sim.comment(cell, rng.pick(parties.filter((p) => p.role !== 'observer')), 'ご確認ください。前回の打合せ内容を反映しています。');
      else review(cell, day(dayNo));
      if (cell.status !== 'agreed') pool = agreedCells();
    }
  };

  for (let n = 1; n <= spec.revisions; n++) {
    if (n > 1) busy(perPhase, 30 + n * 60);
    await flushSimulation(database, sim);
    const revision = await freezeRevision(database, engagementId, hospital);
    const executed = n % 2 === 1 || n === spec.revisions;
    await signRevision(database, sim, engagementId, { id: revision.id, number: revision.number, sha256: revision.sha256 ?? '' }, executed ? signing : signing.slice(0, 2), signing.length);
    log(`${spec.name}: revision ${n} frozen${executed ? ' and executed' : ' (partly signed)'} at ${sim.eventCount()} events`);
  }

  // The amendment in progress (改定協議中): new assets whose cells are in every state, re-proposals on old ones.
  const extra: Partial<Record<TAssetCategory, number>> = {};
  for (let i = 0; i < spec.amendmentAssets; i++) {
    const c = AMENDMENT_CATEGORIES[i % AMENDMENT_CATEGORIES.length]!;
    extra[c] = (extra[c] ?? 0) + 1;
  }
  const before = new Set(sim.cellById.keys());
  const added = await insertAssets(database, sim, { engagementId, parties, duties, rng, startPosition: assets.length }, extra);
  for (const a of added) ctx.assetById.set(a.id, a);
  const fresh: CellRow[] = [...sim.cellById.values()].filter((c) => !before.has(c.id));
  for (const cell of fresh) {
    const r = rng.next();
    if (r < 0.3) continue;
    if (r < 0.35) sim.notApplicable(cell, '導入対象外の部門のため');
    else negotiate(ctx, cell, { settle: r < 0.6 ? 'open' : r < 0.72 ? 'dispute' : 'agree', rejectRate: 0.1, commentRate: 0.5 });
  }
  for (const cell of agreedCells()) {
    if (rng.chance(0.02)) negotiate(ctx, cell, { settle: rng.chance(0.7) ? 'open' : 'dispute', rejectRate: 0, commentRate: 0.6 });
  }
  busy(Math.max(0, spec.targetEvents - sim.eventCount()), 400);
  await flushSimulation(database, sim);
  await persistAmendingState(database, engagementId, hospital);
  // The history happened over months: the notification and webhook dispatchers filed it as it came.
  // Without this, a freshly started API would spend the first minutes catching up on every event.
  await rawOf(database).query(
    `insert into event_cursors (consumer, engagement_id, seq) select c, h.engagement_id, h.seq from event_heads h, unnest(array['notifications', 'webhooks']) c where h.engagement_id = $1
     on conflict (consumer, engagement_id) do update set seq = excluded.seq`,
    [engagementId],
  );

  const raw = rawOf(database);
  const count = async (table: string) => Number((await raw.query<{ n: string }>(`select count(*)::int as n from ${table} where engagement_id = $1`, [engagementId]))[0]?.n ?? 0);
  const cellsByStatus: Record<string, number> = {};
  for (const c of sim.cellById.values()) cellsByStatus[c.status as TCellStatus] = (cellsByStatus[c.status] ?? 0) + 1;
  const info: DatasetInfo = {
    spec: spec.name,
    engagementId,
    parties,
    hospital,
    owner: ownerActor(hospital),
    counts: {
      parties: parties.length,
      assets: await count('assets'),
      duties: await count('duties'),
      cells: await count('cells'),
      events: await count('events'),
      revisions: await count('revisions'),
      proposals: await count('proposals'),
      comments: await count('comments'),
    },
    cellsByStatus,
    generationMs: performance.now() - started,
  };
  log(`${spec.name}: ${JSON.stringify(info.counts)} in ${(info.generationMs / 1000).toFixed(1)} s`);
  return info;
};
