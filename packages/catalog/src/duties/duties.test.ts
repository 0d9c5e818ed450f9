import {
  ASSET_CATEGORIES,
  DUTY_CATEGORIES,
  PHASES,
  REMOTE_ACCESS_ASSET_CATEGORIES,
  ZDutyDefinition,
} from '@bunkai/domain';
import type { TAssetCategory, TDutyCategory, TDutyConcern, TDutyDefinition } from '@bunkai/domain';
import { describe, expect, it } from 'vitest';
import { CATALOG_DOCUMENTS, isCatalogDocumentId, isKnownSection } from '../documents.ts';
import { catalogDuties, compareDuties, getDuty, rawCatalogDuties } from './index.ts';

/** Code prefix → the one category its duties carry. */
const PREFIX_CATEGORY: Record<string, TDutyCategory> = {
  GOV: 'governance',
  CON: 'contract',
  CRD: 'coordination',
  AUD: 'audit',
  EDU: 'education',
  AST: 'asset_management',
  PHY: 'physical',
  VUL: 'vulnerability',
  ACC: 'access_control',
  AUTH: 'authentication',
  RMT: 'remote_maintenance',
  NET: 'network',
  BKP: 'backup',
  LOG: 'logging',
  MON: 'monitoring',
  INC: 'incident_response',
  BCP: 'business_continuity',
  DAT: 'data_handling',
  DSP: 'disposal',
};

const withConcern = (c: TDutyConcern) => catalogDuties.filter((d) => d.concerns.includes(c));
const appliesTo = (d: TDutyDefinition, category: TAssetCategory) => d.appliesTo.includes(category);
const mustGet = (code: string): TDutyDefinition => {
  const d = getDuty(code);
  if (d === undefined) throw new Error(`missing duty ${code}`);
  return d;
};

describe('duty catalog: shape', () => {
  it('has at least 130 duties', () => {
    expect(catalogDuties.length).toBeGreaterThanOrEqual(130);
    expect(catalogDuties.length).toBe(rawCatalogDuties.length);
  });

  it('uses unique codes and unique Japanese titles', () => {
    const codes = rawCatalogDuties.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    const titles = rawCatalogDuties.map((d) => d.title.ja);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(rawCatalogDuties.map((d) => [d.code, d] as const))('%s is valid under ZDutyDefinition', (_code, duty) => {
    const result = ZDutyDefinition.safeParse(duty);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('prefixes every code with its category family and numbers it NN', () => {
    for (const d of catalogDuties) {
      const m = /^([A-Z]+)-(\d{2})$/.exec(d.code);
      expect(m, d.code).not.toBeNull();
      expect(PREFIX_CATEGORY[m?.[1] ?? ''], d.code).toBe(d.category);
    }
    expect(new Set(Object.values(PREFIX_CATEGORY))).toEqual(new Set(DUTY_CATEGORIES));
  });

  it('lists each asset category at most once per duty', () => {
    for (const d of catalogDuties) {
      expect(new Set(d.appliesTo).size, d.code).toBe(d.appliesTo.length);
      for (const c of d.appliesTo) expect(ASSET_CATEGORIES).toContain(c);
    }
  });

  it('keeps descriptions to one to three sentences in each language', () => {
    for (const d of catalogDuties) {
      const ja = d.description.ja.split('。').filter((s) => s.trim() !== '').length;
      const en = d.description.en.split(/[.;](?:\s|$)/).filter((s) => s.trim() !== '').length;
      expect(ja, d.code).toBeGreaterThanOrEqual(1);
      expect(ja, d.code).toBeLessThanOrEqual(3);
      expect(en, d.code).toBeLessThanOrEqual(4);
    }
  });

  it('is sorted by 確認表 part then order, with unique (part, order)', () => {
    const sorted = [...catalogDuties].sort(compareDuties);
    expect(catalogDuties.map((d) => d.code)).toEqual(sorted.map((d) => d.code));
    const slots = catalogDuties.map((d) => `${d.kakuninhyoPart}:${d.order}`);
    expect(new Set(slots).size).toBe(slots.length);
    expect(catalogDuties[0]?.kakuninhyoPart).toBe(1);
  });

  it('is frozen and looked up by code', () => {
    expect(Object.isFrozen(catalogDuties)).toBe(true);
    expect(Object.isFrozen(catalogDuties[0])).toBe(true);
    expect(getDuty('VUL-02')?.title.ja).toContain('VPN');
    expect(getDuty('NOPE-01')).toBeUndefined();
  });
});

describe('duty catalog: provenance', () => {
  it('gives every duty at least one reference to a declared document', () => {
    for (const d of catalogDuties) {
      expect(d.references.length, d.code).toBeGreaterThanOrEqual(1);
      for (const r of d.references) expect(isCatalogDocumentId(r.document), `${d.code} ${r.document}`).toBe(true);
    }
  });

  it('cites only sections that were actually read', () => {
    for (const d of catalogDuties) {
      for (const r of d.references) expect(isKnownSection(r.document, r.section), `${d.code} ${r.document} ${r.section}`).toBe(true);
    }
  });

  it('cites only the verified 確認表 items', () => {
    const sections = catalogDuties.flatMap((d) =>
      d.references.filter((r) => r.document === 'role-split-checklist-2024').map((r) => r.section),
    );
    // 利用イメージ is WG material (資料4), not an item of the 確認表 (issue 14).
    expect(new Set(sections)).toEqual(new Set(['Part1 1-①', 'Part2 A-1', 'Part2 A-8']));
    const usage = catalogDuties.flatMap((d) => d.references.filter((r) => r.section === '利用イメージ').map((r) => r.document));
    expect(usage.length).toBeGreaterThan(0);
    expect(new Set(usage)).toEqual(new Set(['wg22-material-4']));
  });

  it('carries an official 確認表 item id only on the verified items, matching a reference', () => {
    const withItem = catalogDuties.filter((d) => d.kakuninhyoItem !== undefined);
    expect(withItem.map((d) => [d.code, d.kakuninhyoItem])).toEqual([
      ['CON-01', 'Part1 1-①'],
      ['CON-06', 'Part2 A-1'],
      ['DAT-01', 'Part2 A-8'],
    ]);
    for (const d of withItem) {
      expect(d.references.some((r) => r.document === 'role-split-checklist-2024' && r.section === d.kakuninhyoItem), d.code).toBe(true);
      expect(d.kakuninhyoItem?.startsWith(`Part${d.kakuninhyoPart} `), d.code).toBe(true);
    }
  });

  it('cites no unverified checklist row number', () => {
    for (const d of catalogDuties) {
      for (const r of d.references) expect(r.section, d.code).not.toMatch(/\.\./);
    }
    const rows = catalogDuties.flatMap((d) => d.references.filter((r) => r.document === 'cyber-checklist-r6').map((r) => r.section));
    for (const row of rows) expect(['1-(1)', '2-(1)', '2-(2)', '2-(3)', '2-(4)', '2-(5)', '2-(6)', '管理・運用', '3-(1)', '3-(2)', '3-(3)', '事業者確認用']).toContain(row);
  });

  it('fixes the references issue 14 found wrong', () => {
    const sections = (code: string) => mustGet(code).references.map((r) => `${r.document} ${r.section}`);
    expect(sections('AUTH-03')).not.toContain('mhlw-gl6-ops §13 遵守事項④');
    expect(sections('INC-03')).toContain('bcp-kakuninhyo-2024 5-6');
    expect(sections('RMT-05').some((s) => s.startsWith('cyber-checklist'))).toBe(false);
    expect(sections('DAT-06')).not.toContain('mhlw-gl6-ops §12.2');
    expect(mustGet('DAT-06').description.ja).toContain('当カタログの推奨');
    expect(mustGet('GOV-03').description.ja).not.toContain('承認');
    expect(mustGet('AUTH-02').description.ja).not.toContain('外部から接続する経路');
    expect(sections('INC-13')).toContain('bcp-kakuninhyo-2024 5-5');
    expect(sections('AUTH-06')).toContain('cyber-checklist-r7 ⑧');
    expect(sections('DAT-15')).toContain('cyber-checklist-r7 ⑨');
  });

  it('uses every declared document', () => {
    const used = new Set(catalogDuties.flatMap((d) => d.references.map((r) => r.document)));
    expect(used).toEqual(new Set(Object.keys(CATALOG_DOCUMENTS)));
  });

  it('declares title, publisher and year for every document', () => {
    for (const doc of Object.values(CATALOG_DOCUMENTS)) {
      expect(doc.title.ja.length).toBeGreaterThan(0);
      expect(doc.title.en.length).toBeGreaterThan(0);
      expect(doc.publisher.ja.length).toBeGreaterThan(0);
      expect(doc.year).toBeGreaterThanOrEqual(2020);
      expect(doc.knownSections.length).toBeGreaterThan(0);
    }
  });
});

describe('duty catalog: coverage', () => {
  it('covers all four phases and both 確認表 parts', () => {
    expect(new Set(catalogDuties.map((d) => d.phase))).toEqual(new Set(PHASES));
    expect(new Set(catalogDuties.map((d) => d.kakuninhyoPart))).toEqual(new Set([1, 2]));
  });

  it.each(REMOTE_ACCESS_ASSET_CATEGORIES.flatMap((cat) => (['patch_management', 'account_management', 'log_management'] as const).map((c) => [cat, c] as const)))(
    'has a %s duty with concern %s',
    (category, concern) => {
      expect(withConcern(concern).some((d) => appliesTo(d, category))).toBe(true);
    },
  );

  it('has eos_replacement duties across hardware and software', () => {
    const eos = withConcern('eos_replacement');
    for (const cat of ['vpn_appliance', 'network_device', 'server', 'os', 'application', 'client_terminal', 'remote_access_software'] as const) {
      expect(eos.some((d) => appliesTo(d, cat)), cat).toBe(true);
    }
  });

  it('has engagement-wide inter-vendor coordination duties in several phases', () => {
    const wide = withConcern('inter_vendor_coordination').filter((d) => d.appliesTo.length === 0);
    expect(wide.length).toBeGreaterThanOrEqual(3);
    expect(new Set(wide.map((d) => d.phase))).toEqual(new Set(['pre_contract', 'normal', 'emergency', 'contract_end']));
  });

  it('has backup, network isolation and incident reporting duties', () => {
    expect(withConcern('backup').some((d) => appliesTo(d, 'backup_media'))).toBe(true);
    expect(withConcern('network_isolation').some((d) => d.phase === 'emergency')).toBe(true);
    expect(withConcern('incident_reporting').some((d) => d.phase === 'emergency' && d.kakuninhyoPart === 1)).toBe(true);
  });

  it('includes the duties the product brief names', () => {
    const vpnPatch = mustGet('VUL-02');
    expect([vpnPatch.appliesTo, vpnPatch.concerns]).toEqual([['vpn_appliance'], ['patch_management']]);
    expect(mustGet('VUL-01').appliesTo).toContain('vpn_appliance'); // vulnerability / firmware information
    expect(mustGet('BKP-02').description.ja).toContain('3世代');
    expect(mustGet('BKP-02').appliesTo).toEqual(['backup_media']);
    expect(mustGet('BKP-03').title.ja).toContain('復元訓練');
    expect(mustGet('INC-04')).toMatchObject({ phase: 'emergency', concerns: ['network_isolation'] });
    expect(mustGet('INC-03')).toMatchObject({ phase: 'emergency', concerns: ['incident_reporting'] });
    expect(mustGet('INC-03').description.ja).toMatch(/厚生労働省.*都道府県/);
    expect(mustGet('RMT-02').concerns).toContain('account_management');
    expect(mustGet('LOG-01').concerns).toContain('log_management');
    expect(mustGet('AUTH-03').appliesTo).toEqual(['otp_token']);
    expect(mustGet('RMT-03').title.ja).toContain('承認');
    expect(mustGet('RMT-04').concerns).toContain('log_management');
    expect(mustGet('VUL-13').concerns).toContain('eos_replacement');
    expect(mustGet('VUL-14').concerns).toContain('eos_replacement');
    expect(catalogDuties.filter((d) => d.category === 'business_continuity').length).toBeGreaterThanOrEqual(4);
    expect(mustGet('DAT-06').phase).toBe('contract_end'); // data return
    expect(mustGet('DSP-01').phase).toBe('contract_end'); // data deletion
    expect(mustGet('CRD-01').concerns).toContain('inter_vendor_coordination'); // interfaces between vendors
    expect(mustGet('INC-09').concerns).toContain('inter_vendor_coordination'); // who leads a joint response
    expect(mustGet('CRD-03').concerns).toContain('inter_vendor_coordination'); // change coordination
    expect(mustGet('AST-01').title.ja).toContain('台帳');
    expect(mustGet('AST-02').title.ja).toContain('ネットワーク構成図');
    expect(mustGet('EDU-01').category).toBe('education');
  });
});
