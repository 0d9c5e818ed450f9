import type { TRaciRole } from '@bunkai/domain';
import { describe, expect, it } from 'vitest';
import { catalogDuties, getDuty } from '../duties/index.ts';
import { validateTemplate } from '../expand.ts';
import { catalogTemplates, getTemplate, rawCatalogTemplates } from './index.ts';
import { ZCatalogTemplate, assignmentProblems } from './schema.ts';
import type { TCatalogTemplate, TCatalogTemplateInput } from './schema.ts';

const mustGet = (code: string): TCatalogTemplate => {
  const t = getTemplate(code);
  if (t === undefined) throw new Error(`missing template ${code}`);
  return t;
};
const letters = (assignment: Record<string, readonly TRaciRole[]>) => Object.values(assignment).flat();

describe('templates', () => {
  it('ships the three templates', () => {
    expect(catalogTemplates.map((t) => t.code)).toEqual(['onprem-ehr-vpn', 'cloud-ehr-saas', 'multi-vendor']);
    expect(getTemplate('nope')).toBeUndefined();
    expect(Object.isFrozen(catalogTemplates[0])).toBe(true);
  });

  it.each(rawCatalogTemplates.map((t) => [t.code, t] as const))('%s is valid under ZCatalogTemplate', (_code, t) => {
    const result = ZCatalogTemplate.safeParse(t);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  describe.each(catalogTemplates.map((t) => [t.code, t] as const))('%s', (_code, t) => {
    it('lists existing catalog duties once each', () => {
      for (const code of t.dutyCodes) expect(getDuty(code), code).toBeDefined();
      expect(new Set(t.dutyCodes).size).toBe(t.dutyCodes.length);
    });

    it('has unique keys and asset owners that are parties', () => {
      const parties = new Set(t.parties.map((p) => p.key));
      expect(parties.size).toBe(t.parties.length);
      expect(new Set(t.assets.map((a) => a.key)).size).toBe(t.assets.length);
      for (const a of t.assets) {
        expect(a.ownerPartyKey === null || parties.has(a.ownerPartyKey), a.key).toBe(true);
        expect(a.name.length).toBeGreaterThan(0);
      }
    });

    it('resolves every suggestion key', () => {
      const parties = new Set(t.parties.map((p) => p.key));
      const assets = new Set(t.assets.map((a) => a.key));
      for (const s of t.suggestions) {
        expect(t.dutyCodes, s.dutyCode).toContain(s.dutyCode);
        if (s.assetKey !== undefined) expect(assets.has(s.assetKey), `${s.dutyCode} ${s.assetKey}`).toBe(true);
        for (const key of Object.keys(s.assignment)) expect(parties.has(key), `${s.dutyCode} ${key}`).toBe(true);
      }
      expect(validateTemplate(t, catalogDuties)).toEqual([]);
    });

    it('suggests exactly one A and at least one R everywhere', () => {
      for (const s of t.suggestions) {
        const all = letters(s.assignment);
        expect(all.filter((l) => l === 'A').length, `${s.dutyCode} ${s.assetKey ?? '*'}`).toBe(1);
        expect(all.filter((l) => l === 'R').length, `${s.dutyCode} ${s.assetKey ?? '*'}`).toBeGreaterThanOrEqual(1);
      }
    });

    it('gives every party some role and the hospital the most accountability', () => {
      const involved = new Set(t.suggestions.flatMap((s) => Object.keys(s.assignment)));
      for (const p of t.parties) expect(involved.has(p.key), p.key).toBe(true);
      const accountable = (key: string) => t.suggestions.filter((s) => s.assignment[key]?.includes('A')).length;
      for (const p of t.parties.filter((x) => x.role !== 'hospital')) {
        expect(accountable('hospital')).toBeGreaterThan(accountable(p.key));
      }
    });
  });

  it('on-prem: four parties including the VPN owner, and most of the catalog', () => {
    const t = mustGet('onprem-ehr-vpn');
    expect(t.parties.map((p) => p.role)).toEqual(['hospital', 'ehr_vendor', 'network_vendor', 'vpn_owner']);
    expect(t.dutyCodes.length).toBeGreaterThanOrEqual(Math.ceil(catalogDuties.length * 0.8));
    expect(t.assets.find((a) => a.category === 'vpn_appliance')?.ownerPartyKey).toBe('vpn_owner');
    expect(t.suggestions.some((s) => s.dutyCode === 'VUL-02')).toBe(false);
  });

  it('cloud: the hospital holds line, terminals, OS, OTP and remote-support software', () => {
    const t = mustGet('cloud-ehr-saas');
    expect(t.serviceModel).toBe('saas');
    expect(t.parties.map((p) => p.role)).toEqual(['hospital', 'ehr_vendor', 'cloud_provider', 'network_vendor']);
    for (const category of ['internet_line', 'client_terminal', 'os', 'otp_token', 'remote_access_software'] as const) {
      const assets = t.assets.filter((a) => a.category === category);
      expect(assets.length, category).toBeGreaterThan(0);
      for (const a of assets) expect(a.ownerPartyKey, a.key).toBe('hospital');
    }
    expect(t.assets.find((a) => a.category === 'cloud_service')?.ownerPartyKey).toBe('ehr_vendor');
  });

  it('multi-vendor: separate contracts and every inter-vendor coordination duty suggested', () => {
    const t = mustGet('multi-vendor');
    expect(t.provisionPattern).toBe('separate_contracts');
    expect(t.parties.map((p) => p.role)).toEqual(['hospital', 'ehr_vendor', 'maintenance_vendor', 'network_vendor']);
    const coordination = catalogDuties.filter((d) => d.concerns.includes('inter_vendor_coordination')).map((d) => d.code);
    for (const code of coordination) {
      expect(t.dutyCodes, code).toContain(code);
      expect(t.suggestions.some((s) => s.dutyCode === code), code).toBe(true);
    }
  });
});

describe('ZCatalogTemplate rejects broken templates', () => {
  const base = (): TCatalogTemplateInput => ({
    code: 'tiny',
    title: { ja: '小', en: 'Tiny' },
    description: { ja: '説明', en: 'Description' },
    systemName: 'システム',
    serviceModel: 'on_prem',
    provisionPattern: 'single_vendor',
    parties: [
      { key: 'hospital', role: 'hospital', displayName: { ja: '病院', en: 'Hospital' } },
      { key: 'vendor', role: 'ehr_vendor', displayName: { ja: 'ベンダー', en: 'Vendor' } },
    ],
    assets: [{ key: 'srv', name: 'サーバ', category: 'server', ownerPartyKey: 'hospital', vendor: '', model: '', assetVersion: '', supportEndsOn: null }],
    dutyCodes: ['VUL-04'],
    suggestions: [{ dutyCode: 'VUL-04', assignment: { hospital: ['A'], vendor: ['R'] } }],
  });
  const messages = (t: TCatalogTemplateInput) => {
    const r = ZCatalogTemplate.safeParse(t);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('accepts the base case', () => {
    expect(messages(base())).toEqual([]);
  });

  it('rejects two As, no R, unknown parties and assets, stray duties and duplicates', () => {
    const cases: [string, (t: TCatalogTemplateInput) => void][] = [
      ['exactly one A', (t) => (t.suggestions[0] = { dutyCode: 'VUL-04', assignment: { hospital: ['A'], vendor: ['R', 'A'] } })],
      ['at least one R', (t) => (t.suggestions[0] = { dutyCode: 'VUL-04', assignment: { hospital: ['A'], vendor: ['C'] } })],
      ['unknown party', (t) => (t.suggestions[0] = { dutyCode: 'VUL-04', assignment: { hospital: ['A'], ghost: ['R'] } })],
      ['unknown asset', (t) => (t.suggestions[0] = { dutyCode: 'VUL-04', assetKey: 'nope', assignment: { hospital: ['R', 'A'] } })],
      ['not in dutyCodes', (t) => (t.suggestions[0] = { dutyCode: 'VUL-05', assignment: { hospital: ['R', 'A'] } })],
      ['unknown owner', (t) => (t.assets = t.assets.map((x) => ({ ...x, ownerPartyKey: 'ghost' })))],
      ['duplicate suggestion', (t) => t.suggestions.push({ dutyCode: 'VUL-04', assignment: { hospital: ['R', 'A'] } })],
      ['duplicate party key', (t) => t.parties.push({ key: 'vendor', role: 'network_vendor', displayName: { ja: '重複', en: 'Dup' } })],
      ['hospital party', (t) => (t.parties[0] = { key: 'hospital', role: 'other', displayName: { ja: '病院', en: 'Hospital' } })],
    ];
    for (const [expected, mutate] of cases) {
      const t = base();
      mutate(t);
      expect(messages(t).join(' | '), expected).toContain(expected);
    }
  });

  it('assignmentProblems flags repeated letters', () => {
    expect(assignmentProblems({ a: ['R', 'R', 'A'] })).toEqual(['party a repeats a role']);
    expect(assignmentProblems({ a: ['R'], b: ['A'] })).toEqual([]);
  });
});
