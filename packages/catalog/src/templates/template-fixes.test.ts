import { EOS_WARNING_DAYS } from '@bunkai/domain';
import { describe, expect, it } from 'vitest';
import { catalogDuties } from '../duties/index.ts';
import { expandTemplate, placeTemplateDuty, validateTemplate } from '../expand.ts';
import { resolveTemplateDate } from './dates.ts';
import { catalogTemplates, getTemplate, rawCatalogTemplates } from './index.ts';
import { ZCatalogTemplate } from './schema.ts';
import type { TCatalogTemplate } from './schema.ts';

const mustGet = (code: string): TCatalogTemplate => {
  const t = getTemplate(code);
  if (t === undefined) throw new Error(`missing template ${code}`);
  return t;
};
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

describe('resolveTemplateDate', () => {
  it('adds whole months to the creation day, clamping to the month end', () => {
    expect(resolveTemplateDate({ monthsFromCreation: 5 }, '2026-12-03')).toBe('2027-05-03');
    expect(resolveTemplateDate({ monthsFromCreation: 1 }, '2027-01-31')).toBe('2027-02-28');
    expect(resolveTemplateDate({ monthsFromCreation: 1 }, '2028-01-31')).toBe('2028-02-29');
    expect(resolveTemplateDate({ monthsFromCreation: 13 }, '2026-12-15T23:59:00.000Z')).toBe('2028-01-15');
    expect(resolveTemplateDate({ monthsFromCreation: 2 }, new Date('2026-11-30T12:00:00Z'))).toBe('2027-01-30');
    expect(resolveTemplateDate(null, '2026-12-03')).toBeNull();
    expect(() => resolveTemplateDate({ monthsFromCreation: 1 }, 'yesterday')).toThrow(RangeError);
  });

  it('is the only date form a template accepts (no fixed dates that expire)', () => {
    const t = structuredClone(rawCatalogTemplates[0]!);
    t.assets = [{ ...t.assets[0]!, supportEndsOn: '2026-10-13' as never }];
    expect(ZCatalogTemplate.safeParse(t).success).toBe(false);
    t.assets = [{ ...t.assets[0]!, supportEndsOn: { monthsFromCreation: 0 } }];
    expect(ZCatalogTemplate.safeParse(t).success).toBe(false);
  });

  it.each(['2026-12-03', '2031-06-30'])('leaves no template asset past its support end when created on %s', (day) => {
    for (const t of catalogTemplates) {
      for (const a of t.assets) {
        const end = resolveTemplateDate(a.supportEndsOn, day);
        if (end !== null) expect(days(day, end), `${t.code} ${a.key}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('open cells are deliberate and explained', () => {
  it.each(catalogTemplates.map((t) => [t.code, t] as const))('%s explains every open cell, and only open cells', (_code, t) => {
    expect(validateTemplate(t, catalogDuties)).toEqual([]);
    const cells = expandTemplate(t, catalogDuties);
    for (const c of cells.filter((x) => x.assignment === null)) expect(c.openReason?.ja.length ?? 0, `${c.dutyCode} ${c.assetKey}`).toBeGreaterThan(10);
    for (const c of cells.filter((x) => x.assignment !== null)) expect(c.openReason).toBeNull();
  });

  it('flags an open cell without a reason and a reason for a cell that is not open', () => {
    const t = mustGet('onprem-ehr-vpn');
    const withoutReasons = { ...t, openCells: t.openCells.filter((o) => o.dutyCode !== 'BCP-06') };
    expect(validateTemplate(withoutReasons, catalogDuties)).toEqual(['onprem-ehr-vpn: BCP-06 @ * is open without a reason']);
    const stray = { ...t, openCells: [...t.openCells, { dutyCode: 'GOV-01', reason: { ja: '理由', en: 'Reason' } }] };
    expect(validateTemplate(stray, catalogDuties)).toEqual(['onprem-ehr-vpn: open cell GOV-01 @ * is not open (or not a cell)']);
  });
});

describe('on-prem: the VPN appliance gap', () => {
  const t = mustGet('onprem-ehr-vpn');

  it('puts the VPN patch gap first in the template order', () => {
    const cells = expandTemplate(t, catalogDuties);
    expect(cells[0]).toMatchObject({ dutyCode: 'VUL-02', assetKey: 'vpn', assignment: null });
    expect(cells[0]?.openReason?.ja).toContain('VPN');
    const vul02 = catalogDuties.find((d) => d.code === 'VUL-02')!;
    expect(placeTemplateDuty(t, vul02)).toEqual({ kakuninhyoPart: 1, order: 0 });
    const gov01 = catalogDuties.find((d) => d.code === 'GOV-01')!;
    expect(placeTemplateDuty(t, gov01)).toEqual({ kakuninhyoPart: 1, order: gov01.order });
    expect(Math.min(...catalogDuties.map((d) => d.order))).toBeGreaterThan(t.leadingDutyCodes.length);
  });

  it('gives the VPN appliance a support end inside the EoS warning window, so the EoS rule fires on it', () => {
    const vpn = t.assets.find((a) => a.category === 'vpn_appliance');
    const end = resolveTemplateDate(vpn?.supportEndsOn ?? null, '2026-12-03');
    expect(end).not.toBeNull();
    expect(days('2026-12-03', end!)).toBeLessThanOrEqual(EOS_WARNING_DAYS);
    // Replacement is only suggested (a proposal, not agreed), and patching has no suggestion at all.
    expect(t.suggestions.some((s) => s.dutyCode === 'VUL-02')).toBe(false);
  });
});

describe('cloud EHR (SaaS): Henry’s split', () => {
  const t = mustGet('cloud-ehr-saas');
  const cells = expandTemplate(t, catalogDuties);
  const cell = (duty: string, asset: string | null) => cells.find((c) => c.dutyCode === duty && c.assetKey === asset);

  it('models the OTP as the remote-support software’s one-time session password on the hospital PC', () => {
    const otp = t.assets.find((a) => a.category === 'otp_token');
    expect(otp?.ownerPartyKey).toBe('hospital');
    expect(`${otp?.name} ${otp?.model}`).toContain('リモートサポート');
    expect(`${otp?.name} ${otp?.model}`).not.toContain('トークン');
    expect(cell('AUTH-03', 'otp')?.assignment).toEqual({ hospital: ['R', 'A'], ehr_vendor: ['I'] });
  });

  it('leaves the remote-support software’s accounts as a point to settle, not the SaaS vendor’s R', () => {
    const rmt = cell('RMT-02', 'remote-support');
    expect(rmt?.assignment).toBeNull();
    expect(rmt?.openReason?.ja).toContain('slide 24');
  });

  it('has a cell for the cloud service’s own backups and restores, done by the SaaS provider', () => {
    expect(cell('BKP-07', 'saas')?.assignment?.ehr_vendor).toContain('R');
  });

  it('uses the provision pattern of slide 36: the hospital contracts each vendor', () => {
    expect(t.provisionPattern).toBe('separate_contracts');
  });
});
