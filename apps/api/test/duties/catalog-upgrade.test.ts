import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { CATALOG_VERSION, CATALOG_VERSION_2026_1, catalogDutiesOf } from '@bunkai/catalog';
import { cells, duties, engagements } from '@bunkai/db';
import type { TAdoptCatalogUpgradeResponse, TCatalogUpgradeResponse, TDuty, TRevisionExport } from '@bunkai/domain';
import { createSignoffFactories } from '../../src/seed/signoff-factories.ts';
import { type TestApp, createTestApp } from '../helpers/test-app.ts';
import { type TemplateWorld, templateWorld } from '../events/roles.ts';

let t: TestApp;
let w: TemplateWorld;

const V1 = new Map(catalogDutiesOf(CATALOG_VERSION_2026_1)!.map((d) => [d.code, d]));
const V2 = new Map(catalogDutiesOf(CATALOG_VERSION)!.map((d) => [d.code, d]));

/**
 * The engagement as if created before catalog 2026.2 shipped: every duty 2026.1 had is its 2026.1 text
 * (the template's placement kept); duties 2026.1 did not have count as the owner's own (no catalog version).
 */
beforeAll(async () => {
  t = await createTestApp();
  w = await templateWorld(t.app);
  await t.database.db.update(engagements).set({ catalogVersion: CATALOG_VERSION_2026_1 }).where(eq(engagements.id, w.engagement.id));
  const rows = await t.database.db.select().from(duties).where(eq(duties.engagementId, w.engagement.id));
  for (const r of rows) {
    const old = V1.get(r.code);
    await t.database.db
      .update(duties)
      .set(
        old
          ? { catalogVersion: CATALOG_VERSION_2026_1, titleJa: old.title.ja, titleEn: old.title.en, descriptionJa: old.description.ja, descriptionEn: old.description.en, references: old.references, kakuninhyoItem: null }
          : { catalogVersion: null },
      )
      .where(eq(duties.id, r.id));
  }
});
afterAll(() => t.close());

const url = () => `/api/v1/engagements/${w.engagement.id}/catalog-upgrade`;
const preview = async (m = w.owner) => (await m.http.get<TCatalogUpgradeResponse>(url())).body;
const adopt = (codes: string[], m = w.owner) => m.http.post<TAdoptCatalogUpgradeResponse & { error?: { code: string } }>(`${url()}/adopt`, { dutyCodes: codes });
const dutyByCode = async (code: string) =>
  (await w.owner.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${w.engagement.id}/duties`)).body.duties.find((d) => d.code === code);

describe('catalog upgrade (カタログ更新): preview, then adopt duty by duty', () => {
  it('previews what 2026.2 adds and changes, with reasons, to every reader; never the owner’s own duties', async () => {
    const body = await preview(w.observer);
    expect(body.to).toBe(CATALOG_VERSION);
    const changed = body.entries.filter((e) => e.kind === 'changed');
    const added = body.entries.filter((e) => e.kind === 'added');
    expect(changed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    for (const e of body.entries) expect(e.reasons.length, e.code).toBeGreaterThan(0);
    for (const e of added) expect(V1.has(e.code)).toBe(false);
    const present = new Set((await w.owner.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${w.engagement.id}/duties`)).body.duties.map((d) => d.code));
    for (const e of added) expect(present.has(e.code)).toBe(false);
    for (const e of changed) expect(e.current?.kakuninhyoPart).toBe(e.proposed?.kakuninhyoPart);
    expect((await w.outsider.http.get(url())).status).toBe(404);
  });

  it('refuses a duty under negotiation (409), then adopts it after agreement: new text, agreed cells proposed again', async () => {
    const target = (await preview()).entries.find((e) => e.kind === 'changed' && e.current!.appliesTo.length === 0 && e.underNegotiation)!;
    expect(target).toBeDefined();
    const refused = await adopt([target.code]);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('duty_under_negotiation');
    expect((await dutyByCode(target.code))!.catalogVersion).toBe(CATALOG_VERSION_2026_1);

    // Agree the cell: the owner proposes a hospital + vendor split, the vendor accepts.
    const [cell] = await t.database.db.select().from(cells).where(eq(cells.dutyId, target.dutyId!));
    const assignment = { [w.hospitalPartyId]: ['A'], [w.vendorPartyId!]: ['R'] };
    const proposed = await w.owner.http.post<{ proposal: { id: string } }>(`/api/v1/cells/${cell!.id}/proposals`, { assignment, version: cell!.version });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const accepted = await w.vendor.http.post(`/api/v1/proposals/${proposed.body.proposal.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    expect((await adopt([target.code], w.vendor)).status).toBe(403);
    const res = await adopt([target.code]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.adopted).toEqual([{ code: target.code, kind: 'changed', cellsProposedAgain: 1, cellsCreated: 0 }]);
    const duty = (await dutyByCode(target.code))!;
    expect(duty.catalogVersion).toBe(CATALOG_VERSION);
    expect(duty.description).toEqual(V2.get(target.code)!.description);
    expect(duty.references).toEqual(V2.get(target.code)!.references);
    const [after] = await t.database.db.select().from(cells).where(eq(cells.id, cell!.id));
    // Still agreed on the old split until the vendor accepts it again under the new text.
    expect(after!.status).not.toBe('agreed');
    expect(after!.openProposalId).not.toBeNull();
    // Adopted: no longer offered.
    expect((await preview()).entries.some((e) => e.code === target.code)).toBe(false);
  });

  it('adds a new duty with unassigned cells, and refuses codes with nothing to adopt', async () => {
    const added = (await preview()).entries.find((e) => e.kind === 'added')!;
    const res = await adopt([added.code]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const duty = (await dutyByCode(added.code))!;
    expect(duty.catalogVersion).toBe(CATALOG_VERSION);
    const rows = await t.database.db.select().from(cells).where(and(eq(cells.engagementId, w.engagement.id), inArray(cells.dutyId, [duty.id])));
    expect(rows.length).toBe(res.body.adopted[0]!.cellsCreated);
    expect(rows.every((c) => c.status === 'unassigned')).toBe(true);
    const nothing = await adopt(['GOV-01-NOPE']);
    expect(nothing.status).toBe(400);
    expect(nothing.body.error?.code).toBe('not_upgradable');
  });
});

describe('catalog upgrade: withdrawn duties', () => {
  it('marks a duty the newer catalog withdrew 対象外 with the catalog’s reason, only when adopted', async () => {
    // A 2026.1 copy whose code 2026.2 no longer has stands for a withdrawn duty.
    const all = await t.database.db.select().from(duties).where(eq(duties.engagementId, w.engagement.id));
    const open = await t.database.db.select().from(cells).where(and(eq(cells.engagementId, w.engagement.id), isNotNull(cells.openProposalId)));
    const row = all.find((d) => !open.some((c) => c.dutyId === d.id));
    expect(row).toBeDefined();
    await t.database.db.update(duties).set({ code: 'OLD-99', catalogVersion: CATALOG_VERSION_2026_1 }).where(eq(duties.id, row!.id));
    const entry = (await preview()).entries.find((e) => e.code === 'OLD-99')!;
    expect(entry).toMatchObject({ kind: 'withdrawn', proposed: null, dutyId: row!.id });
    expect((await dutyByCode('OLD-99'))!.notApplicableReason).toBeNull();
    const res = await adopt(['OLD-99']);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await dutyByCode('OLD-99'))!.notApplicableReason).toContain(`カタログ ${CATALOG_VERSION} 版で廃止`);
  });
});

describe('catalog upgrade and signed revisions (版)', () => {
  it('a frozen revision keeps the catalog version and text it was frozen with after the duty is upgraded', async () => {
    const f = createSignoffFactories(t.app);
    const s = await f.signoffWorld({ enrollTotp: false });
    // The world's governance duty becomes a 2026.1 copy of GOV-03 (its cell is already agreed).
    const old = V1.get('GOV-03')!;
    await t.database.db.update(engagements).set({ catalogVersion: CATALOG_VERSION_2026_1 }).where(eq(engagements.id, s.eid));
    await t.database.db
      .update(duties)
      .set({ code: 'GOV-03', catalogVersion: CATALOG_VERSION_2026_1, titleJa: old.title.ja, titleEn: old.title.en, descriptionJa: old.description.ja, descriptionEn: old.description.en, references: old.references })
      .where(and(eq(duties.engagementId, s.eid), eq(duties.code, 'SO-GOV-1')));
    const r1 = await f.freeze(s.owner, s.eid);

    const res = await s.owner.http.post<TAdoptCatalogUpgradeResponse>(`/api/v1/engagements/${s.eid}/catalog-upgrade/adopt`, { dutyCodes: ['GOV-03'] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.adopted).toEqual([{ code: 'GOV-03', kind: 'changed', cellsProposedAgain: 1, cellsCreated: 0 }]);

    const frozen = (await s.owner.http.get<TRevisionExport>(`/api/v1/revisions/${r1.id}/export.json`)).body;
    const frozenDuty = (frozen.canonical['duties'] as { code: string; catalogVersion: string | null; description: unknown }[]).find((d) => d.code === 'GOV-03')!;
    expect(frozenDuty.catalogVersion).toBe(CATALOG_VERSION_2026_1);
    expect(frozenDuty.description).toEqual(old.description);
    expect(frozen.sha256).toBe(r1.sha256);
    const live = (await s.owner.http.get<{ duties: TDuty[] }>(`/api/v1/engagements/${s.eid}/duties`)).body.duties.find((d) => d.code === 'GOV-03')!;
    expect(live.catalogVersion).toBe(CATALOG_VERSION);
    expect(live.description).toEqual(V2.get('GOV-03')!.description);
  });
});
