import type { TDutyDefinition } from '@bunkai/domain';
import { describe, expect, it } from 'vitest';
import { catalogDuties, compareDuties, getDuty } from './duties/index.ts';
import { expandTemplate } from './expand.ts';
import { catalogTemplates, getTemplate } from './templates/index.ts';
import type { TCatalogTemplate } from './templates/schema.ts';

const mustGet = (code: string): TCatalogTemplate => {
  const t = getTemplate(code);
  if (t === undefined) throw new Error(`missing template ${code}`);
  return t;
};
const cellOf = (t: TCatalogTemplate, dutyCode: string, assetKey: string | null) =>
  expandTemplate(t, catalogDuties).find((c) => c.dutyCode === dutyCode && c.assetKey === assetKey);

/** Independent count: one cell per matching asset, or one for an engagement-wide duty. */
function expectedCellCount(t: TCatalogTemplate, duties: readonly TDutyDefinition[]): number {
  return duties
    .filter((d) => t.dutyCodes.includes(d.code))
    .reduce((n, d) => n + (d.appliesTo.length === 0 ? 1 : t.assets.filter((a) => d.appliesTo.includes(a.category)).length), 0);
}

describe('expandTemplate', () => {
  it.each(catalogTemplates.map((t) => [t.code, t] as const))('%s: one cell per duty × matching asset', (_code, t) => {
    expect(expandTemplate(t, catalogDuties)).toHaveLength(expectedCellCount(t, catalogDuties));
  });

  it('produces the expected cell and suggestion counts (update when the catalog changes)', () => {
    const summary = catalogTemplates.map((t) => {
      const cells = expandTemplate(t, catalogDuties);
      return [t.code, cells.length, cells.filter((c) => c.assignment !== null).length];
    });
    expect(summary).toEqual([
      ['onprem-ehr-vpn', 178, 171],
      ['cloud-ehr-saas', 150, 145],
      ['multi-vendor', 214, 210],
    ]);
  });

  it('leaves the on-prem VPN appliance patch cell without a suggestion (no accountable party)', () => {
    const t = mustGet('onprem-ehr-vpn');
    const cell = cellOf(t, 'VUL-02', 'vpn');
    expect(cell).toBeDefined();
    expect(cell?.assignment).toBeNull();
    expect(cell?.terms).toBeNull();
  });

  it('leaves gaps for the negotiation but suggests most cells', () => {
    for (const t of catalogTemplates) {
      const cells = expandTemplate(t, catalogDuties);
      const open = cells.filter((c) => c.assignment === null).length;
      expect(open, t.code).toBeGreaterThan(0);
      expect(open / cells.length, t.code).toBeLessThan(0.1);
    }
  });

  it('prefers the asset-specific suggestion over the general one', () => {
    const t = mustGet('onprem-ehr-vpn');
    expect(cellOf(t, 'VUL-01', 'vpn')?.assignment).toEqual({ hospital: ['A'], vpn_owner: ['R'], ehr_vendor: ['I'] });
    expect(cellOf(t, 'VUL-01', 'ehr-server')?.assignment).toEqual({ hospital: ['A'], ehr_vendor: ['R'] });
  });

  it('gives engagement-wide duties a single cell with no asset', () => {
    const t = mustGet('onprem-ehr-vpn');
    const cells = expandTemplate(t, catalogDuties).filter((c) => c.dutyCode === 'CRD-01');
    expect(cells).toEqual([
      expect.objectContaining({ dutyCode: 'CRD-01', assetKey: null, assignment: expect.objectContaining({ hospital: ['A'] }) }),
    ]);
  });

  it('fills terms with defaults when a suggestion has some', () => {
    const t = mustGet('onprem-ehr-vpn');
    expect(cellOf(t, 'RMT-04', 'vpn')?.terms).toEqual({
      responseTime: '作業終了後3営業日以内に報告',
      frequency: '',
      evidence: '作業報告書・接続ログ',
      remarks: '',
    });
  });

  it('skips duties outside dutyCodes and duties that match no asset', () => {
    const t = mustGet('multi-vendor');
    const codes = new Set(expandTemplate(t, catalogDuties).map((c) => c.dutyCode));
    expect(codes.has('VUL-16')).toBe(false); // cloud only, not listed
    expect(getDuty('VUL-15')?.appliesTo).toEqual(['medical_device']);
    const withMedical = { ...t, dutyCodes: [...t.dutyCodes, 'VUL-15'] };
    expect(expandTemplate(withMedical, catalogDuties).some((c) => c.dutyCode === 'VUL-15')).toBe(false);
  });

  it('returns cells in 確認表 order, then template asset order, whatever the input order', () => {
    const t = mustGet('cloud-ehr-saas');
    const cells = expandTemplate(t, [...catalogDuties].reverse());
    const position = new Map(t.assets.map((a, i) => [a.key, i]));
    for (let i = 1; i < cells.length; i++) {
      const [prev, cur] = [cells[i - 1], cells[i]];
      if (prev === undefined || cur === undefined) continue;
      const a = getDuty(prev.dutyCode);
      const b = getDuty(cur.dutyCode);
      if (a === undefined || b === undefined) throw new Error('unknown duty');
      const byDuty = compareDuties(a, b);
      expect(byDuty).toBeLessThanOrEqual(0);
      if (byDuty === 0) expect(position.get(prev.assetKey ?? '') ?? -1).toBeLessThan(position.get(cur.assetKey ?? '') ?? -1);
    }
  });

  it('works on an engagement’s own duty copies, including custom duties', () => {
    const t = mustGet('onprem-ehr-vpn');
    const custom: TDutyDefinition = {
      ...(getDuty('VUL-02') as TDutyDefinition),
      code: 'X-VPN-01',
      order: 1,
      appliesTo: ['vpn_appliance', 'internet_line'],
    };
    const cells = expandTemplate({ ...t, dutyCodes: [...t.dutyCodes, 'X-VPN-01'] }, [...catalogDuties, custom]);
    expect(cells.filter((c) => c.dutyCode === 'X-VPN-01').map((c) => [c.assetKey, c.assignment])).toEqual([
      ['vpn', null],
      ['line', null],
    ]);
  });
});
