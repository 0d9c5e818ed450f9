import { describe, it, expect } from 'vitest';
import type { TEngagementSnapshot } from '../model/snapshot.ts';
import { computeFindings, daysBetween, type TFindingCode } from './index.ts';
import { createTestSnapshotBuilder } from './test-snapshot.ts';

const ofCode = (code: TFindingCode, s: TEngagementSnapshot) => computeFindings(s).filter((f) => f.code === code);

const setup = (today = '2025-04-01') => {
  const b = createTestSnapshotBuilder({ today });
  const hosp = b.party({ role: 'hospital', displayName: '○○病院' });
  const vpnVendor = b.party({ role: 'vpn_owner', displayName: 'Bネットワーク' });
  return { b, hosp, vpnVendor };
};

describe('owner_without_role', () => {
  const ownedAsset = () => {
    const s = setup();
    const asset = s.b.asset({ name: '院内サーバー', category: 'server', ownerPartyId: s.vpnVendor.id });
    const d1 = s.b.duty();
    const d2 = s.b.duty();
    return { ...s, asset, d1, d2 };
  };

  it('fires as a warning when the owner holds no role on any in-scope cell of its asset', () => {
    const { b, hosp, vpnVendor, asset, d1, d2 } = ownedAsset();
    const c1 = b.agreed(d1, asset, { [hosp.id]: ['R', 'A'] });
    const c2 = b.proposed(d2, asset, { [hosp.id]: ['R', 'A'] });
    // A role on an engagement-wide cell is not a role on this asset.
    b.agreed(d1, null, { [hosp.id]: ['A'], [vpnVendor.id]: ['R'] });
    const found = ofCode('owner_without_role', b.build());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `owner_without_role:${asset.id}`,
      severity: 'warning',
      assetIds: [asset.id],
      partyIds: [vpnVendor.id],
      cellIds: [c1.id, c2.id].sort(),
      dutyIds: [d1.id, d2.id].sort(),
    });
    expect(found[0]?.message.ja).toContain('Bネットワークは「院内サーバー」の所有者ですが');
  });

  it('does not fire when the owner holds any letter, even only I, even only in a proposal', () => {
    for (const letter of ['R', 'A', 'C', 'I'] as const) {
      const { b, hosp, vpnVendor, asset, d1, d2 } = ownedAsset();
      b.agreed(d1, asset, { [hosp.id]: ['R', 'A'] });
      b.proposed(d2, asset, { [hosp.id]: ['R', 'A'], [vpnVendor.id]: [letter] });
      expect(ofCode('owner_without_role', b.build())).toEqual([]);
    }
  });

  it('ignores roles on not-applicable cells', () => {
    const { b, hosp, vpnVendor, asset, d1, d2 } = ownedAsset();
    const inScope = b.agreed(d1, asset, { [hosp.id]: ['R', 'A'] });
    b.cell({ duty: d2, asset, status: 'not_applicable', notApplicableReason: 'x', assignment: { [vpnVendor.id]: ['R'] } });
    expect(ofCode('owner_without_role', b.build()).map((f) => f.cellIds)).toEqual([[inScope.id]]);
  });

  it('does not fire for an asset without in-scope cells, or without an owner', () => {
    const { b, hosp, asset, d1, d2 } = ownedAsset();
    b.cell({ duty: d1, asset, status: 'not_applicable', notApplicableReason: 'x' });
    const unowned = b.asset({ ownerPartyId: null });
    b.agreed(d2, unowned, { [hosp.id]: ['R', 'A'] });
    b.asset({ ownerPartyId: hosp.id }); // no cells at all
    expect(ofCode('owner_without_role', b.build())).toEqual([]);
  });

  it('unassigned cells count as in scope: the owner still holds nothing', () => {
    const { b, asset, d1 } = ownedAsset();
    b.cell({ duty: d1, asset });
    expect(ofCode('owner_without_role', b.build())).toHaveLength(1);
  });
});

describe('eos_without_replacement', () => {
  const withEos = (supportEndsOn: string | null, today = '2025-04-01') => {
    const s = setup(today);
    const asset = s.b.asset({ name: 'VPN装置', category: 'server', supportEndsOn, ownerPartyId: s.vpnVendor.id });
    const replace = s.b.duty({ concerns: ['eos_replacement'], title: { ja: '機器更新', en: 'Replacement' } });
    return { ...s, asset, replace };
  };

  it('is blocking once the support end is past', () => {
    const { b, asset } = withEos('2025-03-31');
    const found = computeFindings(b.build());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `eos_without_replacement:${asset.id}`,
      code: 'eos_without_replacement',
      severity: 'blocking',
      assetIds: [asset.id],
      cellIds: [],
    });
    expect(found[0]?.message.ja).toBe(
      '「VPN装置」はサポート終了日（2025-03-31）を過ぎていますが、更新・リプレースの責任項目が合意されていません。',
    );
  });

  it('is a warning on the support end day itself', () => {
    const [f] = computeFindings(withEos('2025-04-01').b.build());
    expect(f?.severity).toBe('warning');
    expect(f?.message.ja).toContain('本日（2025-04-01）サポート終了');
  });

  it('is a warning at today + 180 days and silent at today + 181', () => {
    expect(daysBetween('2025-04-01', '2025-09-28')).toBe(180);
    const [f] = computeFindings(withEos('2025-09-28').b.build());
    expect(f?.severity).toBe('warning');
    expect(f?.message.ja).toContain('あと180日');
    expect(computeFindings(withEos('2025-09-29').b.build())).toEqual([]);
  });

  it('counts days across a leap day and year end in UTC', () => {
    expect(computeFindings(withEos('2024-03-01', '2024-02-28').b.build())[0]?.message.ja).toContain('あと2日');
    expect(computeFindings(withEos('2025-01-01', '2024-12-31').b.build())[0]?.message.en).toContain('(in 1 day)');
    expect(computeFindings(withEos('2024-12-31', '2025-01-01').b.build())[0]?.severity).toBe('blocking');
  });

  it('does not fire without a support end date', () => {
    expect(computeFindings(withEos(null).b.build())).toEqual([]);
  });

  it('is silenced only by an AGREED replacement cell on that asset', () => {
    const agreed = withEos('2020-01-01');
    agreed.b.agreed(agreed.replace, agreed.asset, { [agreed.hosp.id]: ['A'], [agreed.vpnVendor.id]: ['R'] });
    expect(ofCode('eos_without_replacement', agreed.b.build())).toEqual([]);

    const proposed = withEos('2020-01-01');
    const cell = proposed.b.proposed(proposed.replace, proposed.asset, { [proposed.hosp.id]: ['A', 'R'] });
    const [f] = ofCode('eos_without_replacement', proposed.b.build());
    expect(f).toMatchObject({ severity: 'blocking', cellIds: [cell.id], dutyIds: [proposed.replace.id] });
  });

  it('is not silenced by an agreed replacement on another asset, engagement-wide, or of a duty marked N/A', () => {
    const s = withEos('2020-01-01');
    const other = s.b.asset();
    const a = { [s.hosp.id]: ['A' as const, 'R' as const] };
    s.b.agreed(s.replace, other, a);
    s.b.agreed(s.replace, null, a);
    const naDuty = s.b.duty({ concerns: ['eos_replacement'], notApplicableReason: '更新予定なし' });
    s.b.agreed(naDuty, s.asset, a);
    s.b.agreed(s.b.duty({ concerns: ['patch_management'] }), s.asset, a);
    expect(ofCode('eos_without_replacement', s.b.build()).map((f) => f.assetIds)).toEqual([[s.asset.id]]);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => computeFindings(withEos('2025-02-30').b.build())).toThrow(/calendar date/);
    expect(() => computeFindings(withEos('2025-04-01', '2025/04/01').b.build())).toThrow(/calendar date/);
  });
});
