import { CATALOG_VERSION, catalogDuties } from '../../packages/catalog/src/index.ts';
import type { TAssetCategory, TContact, TDutyDefinition } from '../../packages/domain/src/index.ts';
import { EMPTY_TERMS, planCells } from '../../packages/domain/src/index.ts';
import type { Database } from '../../packages/db/src/index.ts';
import { assets, duties, engagements, invitations, organizations, parties, signatories, users } from '../../packages/db/src/index.ts';
import { hashPassword } from '../../apps/api/src/modules/auth/index.ts';
import { dutyValuesFrom } from '../../apps/api/src/modules/engagements/index.ts';
import type { Rng } from '../lib/rng.ts';
import { ASSET_NAMES, type DatasetSpec, PARTY_SPECS, WORKER_ROLE, customDutyDefinitions } from './spec.ts';
import type { CellRow, SimParty, Simulation } from './simulate.ts';
import { insertCells, insertChunked } from './writer.ts';

export const BENCH_PASSWORD = 'bunkai-bench-password';
export const ENGAGEMENT_TITLE = '県立中央医療センター 電子カルテ・部門システム統合更改 責任分界協議';

/** `adminEmail` signs in with BENCH_PASSWORD (the browser bench signs in through the real API). */
export type SetupParty = SimParty & { displayName: string; orgName: string; adminName: string; adminEmail: string };
export type DutyRow = typeof duties.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;

const contact = (name: string, phone: string, hours: string): TContact => ({ name, phone, email: '', hours });

/** Organizations, one admin and one member each, the engagement and its eight joined parties (no events yet). */
export const insertParties = async (database: Database, rng: Rng, tag: string) => {
  const { db } = database;
  const hash = await hashPassword(BENCH_PASSWORD, 1024);
  const engagementId = rng.uuid();
  const out: SetupParty[] = [];
  for (const [i, s] of PARTY_SPECS.entries()) {
    const organizationId = rng.uuid();
    const adminUserId = rng.uuid();
    const memberUserId = rng.uuid();
    await db.insert(organizations).values({ id: organizationId, name: s.org, kind: s.kind });
    const adminName = `${s.display.split(' ')[0]} 責任者`;
    await db.insert(users).values([
      { id: adminUserId, organizationId, email: `admin.${s.role}.${tag}@bench.example`, displayName: adminName, orgRole: 'admin', passwordHash: hash },
      { id: memberUserId, organizationId, email: `member.${s.role}.${tag}@bench.example`, displayName: `${s.display.split(' ')[0]} 担当`, orgRole: 'member', passwordHash: hash },
    ]);
    if (i === 0) {
      await db.insert(engagements).values({
        id: engagementId,
        ownerOrganizationId: organizationId,
        title: ENGAGEMENT_TITLE,
        systemName: '電子カルテ・部門システム',
        description: '外来・入院の電子カルテ、部門システム群、院内ネットワークとリモート保守回線の更改に伴う責任分界。',
        serviceModel: 'hybrid',
        provisionPattern: 'separate_contracts',
        catalogVersion: CATALOG_VERSION,
      });
    }
    out.push({ id: rng.uuid(), role: s.role, organizationId, adminUserId, memberUserId, displayName: s.display, orgName: s.org, adminName, adminEmail: `admin.${s.role}.${tag}@bench.example` });
  }
  await db.insert(parties).values(
    out.map((p, i) => ({
      id: p.id,
      engagementId,
      organizationId: p.organizationId,
      role: p.role,
      displayName: p.displayName,
      contractReference: p.role === 'hospital' || p.role === 'observer' ? '' : `保守契約 R7-${String(i).padStart(3, '0')}`,
      normalContacts: [contact(`${p.orgName} 窓口`, `03-5555-${String(1000 + i)}`, '平日 9:00-17:30')],
      emergencyContacts: p.role === 'observer' ? [] : [contact(`${p.orgName} 緊急窓口`, `090-5555-${String(2000 + i)}`, '24時間365日')],
      position: i,
    })),
  );
  const signing = out.filter((p) => p.role !== 'observer');
  await db.insert(signatories).values(signing.map((p) => ({ partyId: p.id, userId: p.adminUserId, grantedByUserId: p.adminUserId })));
  const hospital = out[0]!;
  await db.insert(invitations).values(
    out.slice(1).map((p) => ({
      id: rng.uuid(),
      engagementId,
      partyId: p.id,
      email: `admin.${p.role}.${tag}@bench.example`,
      tokenHash: `${rng.uuid()}${rng.uuid()}`.replace(/-/g, ''),
      expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      acceptedAt: new Date().toISOString(),
      acceptedByOrganizationId: p.organizationId,
      createdByUserId: hospital.adminUserId,
    })),
  );
  return { engagementId, parties: out, hospital };
};

/** The events the real routes write for what insertParties created (as engagements, invitations and parties services do). */
export const emitSetupEvents = (sim: Simulation, engagementId: string, ps: readonly SetupParty[]) => {
  const h = ps[0]!;
  sim.emit(h, h.adminUserId, 'engagement.created', engagementId, { title: ENGAGEMENT_TITLE, systemName: '電子カルテ・部門システム', templateCode: null, counts: null });
  for (const p of ps.slice(1)) {
    sim.emit(h, h.adminUserId, 'party.created', p.id, { role: p.role, displayName: p.displayName });
    sim.emit(h, h.adminUserId, 'invitation.created', p.id, { partyId: p.id, email: `(bench) ${p.role}`, expiresAt: null });
    sim.emit(p, p.adminUserId, 'invitation.accepted', p.id, { partyId: p.id, role: p.role, organizationId: p.organizationId, acceptedByUserId: p.adminUserId });
  }
  for (const p of ps.filter((x) => x.role !== 'observer')) sim.emit(p, p.adminUserId, 'signatory.granted', p.id, { partyId: p.id, userId: p.adminUserId });
};

/** Asset-scoped catalog duties first, then engagement-wide ones in 確認表 order, then the custom ones. */
export const dutySelection = (spec: DatasetSpec): { catalog: TDutyDefinition[]; custom: TDutyDefinition[] } => {
  const scoped = catalogDuties.filter((d) => d.appliesTo.length > 0);
  const wide = catalogDuties.filter((d) => d.appliesTo.length === 0);
  const w = Math.min(wide.length, Math.max(Math.ceil(spec.catalogDuties / 3), spec.catalogDuties - scoped.length));
  return { catalog: [...scoped.slice(0, spec.catalogDuties - w), ...wide.slice(0, w)], custom: customDutyDefinitions(spec.customDuties) };
};

/** Copies the duties into the engagement (duty.added events; engagement-wide duties get their cell at once). */
export const insertDuties = async (database: Database, sim: Simulation, engagementId: string, spec: DatasetSpec, rng: Rng): Promise<DutyRow[]> => {
  const { catalog, custom } = dutySelection(spec);
  const values = [...catalog.map((d) => dutyValuesFrom(engagementId, d, CATALOG_VERSION)), ...custom.map((d) => dutyValuesFrom(engagementId, d, null))].map((v) => ({
    ...v,
    id: rng.uuid(),
  }));
  const rows = (await database.db.insert(duties).values(values).returning()) as DutyRow[];
  const h = sim.hospital;
  for (const d of rows)
    sim.emit(h, h.adminUserId, 'duty.added', d.id, { code: d.code, source: d.catalogVersion ? 'catalog' : 'custom', catalogVersion: d.catalogVersion, cellsCreated: d.appliesTo.length ? 0 : 1 });
  await addCells(database, sim, engagementId, rows.filter((d) => d.appliesTo.length === 0), [], rng);
  return rows;
};

const ownerRole = (category: TAssetCategory) =>
  ['vpn_appliance', 'remote_access_software', 'otp_token'].includes(category) ? 'vpn_owner' : category === 'cloud_service' ? 'cloud_provider' : category === 'medical_device' ? 'device_maker' : 'hospital';

/** Assets (asset.created with the cells each one gets), numbered per category. */
export const insertAssets = async (
  database: Database,
  sim: Simulation,
  ctx: { engagementId: string; parties: readonly SetupParty[]; duties: readonly DutyRow[]; rng: Rng; startPosition: number },
  counts: Partial<Record<TAssetCategory, number>>,
): Promise<AssetRow[]> => {
  const { engagementId, rng } = ctx;
  const specs = Object.entries(counts).flatMap(([category, n]) => Array.from({ length: n ?? 0 }, (_, i) => ({ category: category as TAssetCategory, i })));
  const values = specs.map(({ category, i }, k) => {
    const names = ASSET_NAMES[category];
    const base = names[i % names.length]!;
    const round = Math.floor(i / names.length);
    const owner = ctx.parties.find((p) => p.role === ownerRole(category))!;
    const worker = ctx.parties.find((p) => p.role === WORKER_ROLE[category])!;
    return {
      id: rng.uuid(),
      engagementId,
      name: round ? `${base} ${round + 1}号` : base,
      category,
      ownerPartyId: owner.id,
      vendor: worker.orgName,
      model: `${category.slice(0, 3).toUpperCase()}-${1000 + k}`,
      assetVersion: `${1 + (k % 5)}.${k % 10}`,
      // Support ends in the future (a few soon: warnings, never blocking).
      supportEndsOn: k % 4 === 0 ? `${2027 + (k % 5)}-03-31` : null,
      position: ctx.startPosition + k,
    };
  });
  const rows: AssetRow[] = [];
  await insertChunked(values, async (chunk) => rows.push(...((await database.db.insert(assets).values(chunk).returning()) as AssetRow[])), 500);
  const created = await addCells(database, sim, engagementId, ctx.duties, rows, rng);
  const perAsset = new Map<string, number>();
  for (const c of created) perAsset.set(c.assetId!, (perAsset.get(c.assetId!) ?? 0) + 1);
  const h = sim.hospital;
  for (const r of rows)
    sim.emit(h, h.adminUserId, 'asset.created', r.id, { name: r.name, category: r.category, ownerPartyId: r.ownerPartyId, cellsCreated: perAsset.get(r.id) ?? 0 });
  return rows;
};

/** Cells planned by the domain for duties × assets (asset-less plan: engagement-wide cells only). */
const addCells = async (database: Database, sim: Simulation, engagementId: string, ds: readonly DutyRow[], as: readonly AssetRow[], rng: Rng) => {
  const plan = planCells(ds, as).filter((k) => (as.length ? k.assetId !== null : k.assetId === null));
  const at = new Date().toISOString();
  const rows: CellRow[] = plan.map((k) => ({
    id: rng.uuid(),
    engagementId,
    dutyId: k.dutyId,
    assetId: k.assetId,
    status: 'unassigned',
    assignment: null,
    terms: EMPTY_TERMS,
    notApplicableReason: null,
    firstCheckAnswer: null,
    firstCheckOn: null,
    completedOn: null,
    dueOn: null,
    completionDueOn: null,
    kickoffNotes: '',
    openProposalId: null,
    version: 1,
    updatedAt: at,
  }));
  await insertCells(database, rows);
  for (const r of rows) sim.addCell(r);
  return rows;
};
