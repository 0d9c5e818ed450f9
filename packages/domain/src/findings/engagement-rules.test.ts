import { describe, it, expect } from 'vitest';
import type { TEngagementSnapshot } from '../model/snapshot.ts';
import type { TAssignment } from '../model/cell.ts';
import { computeFindings, type TFindingCode } from './index.ts';
import { createTestSnapshotBuilder } from './test-snapshot.ts';

const ofCode = (code: TFindingCode, s: TEngagementSnapshot) => computeFindings(s).filter((f) => f.code === code);

describe('emergency_contact_missing', () => {
  const setup = () => {
    const b = createTestSnapshotBuilder();
    const hosp = b.party({ role: 'hospital', displayName: '○○病院' });
    const ehr = b.party({ role: 'ehr_vendor', displayName: 'A社', emergencyContacts: [] });
    const server = b.asset({ name: 'サーバー' });
    const emergency = (ja: string) => b.duty({ phase: 'emergency', title: { ja, en: ja } });
    const rEhr: TAssignment = { [hosp.id]: ['A'], [ehr.id]: ['R'] };
    return { b, hosp, ehr, server, emergency, rEhr };
  };

  it('fires once per party, listing every emergency cell it is R on', () => {
    const { b, ehr, server, emergency, rEhr } = setup();
    const d1 = emergency('ネットワーク遮断');
    const d2 = emergency('バックアップからの復旧');
    const c1 = b.agreed(d1, server, rEhr);
    const c2 = b.proposed(d2, null, rEhr);
    const found = computeFindings(b.build());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `emergency_contact_missing:${ehr.id}`,
      code: 'emergency_contact_missing',
      severity: 'blocking',
      partyIds: [ehr.id],
      cellIds: [c1.id, c2.id].sort(),
      assetIds: [server.id],
      dutyIds: [d1.id, d2.id].sort(),
    });
    expect(found[0]?.message.ja).toBe(
      'A社は非常時の責任項目（案件全体の「バックアップからの復旧」、「サーバー」の「ネットワーク遮断」）の実施者（R）ですが、緊急連絡先が登録されていません。連絡体制図に載せる緊急連絡先を登録してください。',
    );
  });

  it('shortens long lists', () => {
    const { b, server, emergency, rEhr } = setup();
    for (let i = 1; i <= 5; i++) b.agreed(emergency(`非常時${i}`), server, rEhr);
    const [f] = computeFindings(b.build());
    expect(f?.cellIds).toHaveLength(5);
    expect(f?.message.ja).toContain('ほか2件');
    expect(f?.message.en).toContain('and 2 more');
  });

  it('does not fire for a party with a contact, for A/C/I only, or for normal-phase duties', () => {
    const { b, hosp, ehr, server, emergency } = setup();
    b.agreed(emergency('非常時'), server, { [hosp.id]: ['R'], [ehr.id]: ['A', 'C', 'I'] });
    b.agreed(b.duty({ phase: 'normal' }), server, { [hosp.id]: ['A'], [ehr.id]: ['R'] });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('ignores not-applicable cells and duties', () => {
    const { b, server, emergency, rEhr } = setup();
    b.cell({ duty: emergency('非常時'), asset: server, status: 'not_applicable', assignment: rEhr, notApplicableReason: 'x' });
    const na = b.duty({ phase: 'emergency', notApplicableReason: '対象外' });
    b.agreed(na, server, rEhr);
    expect(computeFindings(b.build())).toEqual([]);
  });
});

describe('remote_access_duties_missing', () => {
  const setup = (category: 'vpn_appliance' | 'remote_access_software' | 'server' = 'vpn_appliance') => {
    const b = createTestSnapshotBuilder();
    const hosp = b.party({ role: 'hospital' });
    const vendor = b.party({ role: 'vpn_owner' });
    const asset = b.asset({ name: 'リモート保守用VPN装置', category, ownerPartyId: vendor.id });
    const ok: TAssignment = { [hosp.id]: ['A', 'I'], [vendor.id]: ['R'] };
    const patch = b.duty({ concerns: ['patch_management'] });
    const accounts = b.duty({ concerns: ['account_management', 'patch_management'] });
    const logs = b.duty({ concerns: ['log_management'] });
    return { b, asset, ok, patch, accounts, logs };
  };

  it('fires for a remote-access asset, naming every missing concern', () => {
    for (const category of ['vpn_appliance', 'remote_access_software'] as const) {
      const { b, asset } = setup(category);
      const found = computeFindings(b.build());
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        id: `remote_access_duties_missing:${asset.id}`,
        severity: 'blocking',
        assetIds: [asset.id],
        cellIds: [],
      });
      expect(found[0]?.message.ja).toBe(
        '外部から接続する資産「リモート保守用VPN装置」について、パッチ適用・アカウント管理・ログ管理の責任項目が合意されていません。該当する責任項目を追加して合意してください。',
      );
    }
  });

  it('does not fire for other asset categories', () => {
    expect(computeFindings(setup('server').b.build())).toEqual([]);
  });

  it('is satisfied by agreed cells on the asset and agreed engagement-wide cells', () => {
    const { b, asset, ok, accounts, logs } = setup();
    b.agreed(accounts, asset, ok); // covers patch + account
    b.agreed(logs, null, ok);
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('names only what is missing and points at the cells that would close it', () => {
    const { b, asset, ok, patch, accounts, logs } = setup();
    b.agreed(patch, asset, ok);
    const proposedAccounts = b.proposed(accounts, asset, ok);
    const wideLogs = b.cell({ duty: logs, asset: null });
    const [f] = ofCode('remote_access_duties_missing', b.build());
    expect(f?.message.ja).toContain('アカウント管理・ログ管理の責任項目');
    expect(f?.message.ja).not.toContain('パッチ適用');
    expect(f?.message.ja).toContain('該当する分担を合意してください');
    expect(f?.cellIds).toEqual([proposedAccounts.id, wideLogs.id].sort());
    expect(f?.dutyIds).toEqual([accounts.id, logs.id].sort());
  });

  it('does not count proposals, not-applicable cells, or cells on other assets', () => {
    const { b, asset, ok, patch, accounts, logs } = setup();
    const other = b.asset({ category: 'server' });
    b.agreed(patch, other, ok);
    b.proposed(accounts, asset, ok);
    b.cell({ duty: logs, asset, status: 'not_applicable', notApplicableReason: 'x', assignment: ok });
    const [f] = ofCode('remote_access_duties_missing', b.build());
    expect(f?.message.ja).toContain('パッチ適用・アカウント管理・ログ管理');
  });
});

describe('inter_vendor_coordination_missing', () => {
  const setup = () => {
    const b = createTestSnapshotBuilder();
    const hosp = b.party({ role: 'hospital', displayName: '○○病院' });
    const ehr = b.party({ role: 'ehr_vendor', displayName: 'A社' });
    const net = b.party({ role: 'network_vendor', displayName: 'B社' });
    const coord = b.duty({ concerns: ['inter_vendor_coordination'], title: { ja: '事業者間連携', en: 'Coordination' } });
    const ok: TAssignment = { [hosp.id]: ['A'], [ehr.id]: ['R'], [net.id]: ['R'] };
    return { b, hosp, ehr, net, coord, ok };
  };

  it('fires once for the engagement when two vendors have no agreed coordination duty', () => {
    const { b, ehr, net, coord, ok } = setup();
    const proposal = b.proposed(coord, null, ok);
    const found = computeFindings(b.build());
    expect(found).toEqual([
      expect.objectContaining({
        id: `inter_vendor_coordination_missing:${b.engagementId}`,
        code: 'inter_vendor_coordination_missing',
        severity: 'blocking',
        partyIds: [ehr.id, net.id].sort(),
        cellIds: [proposal.id],
        dutyIds: [coord.id],
      }),
    ]);
    expect(found[0]?.message.ja).toContain('複数の事業者（A社、B社）が関わる案件ですが');
  });

  it('is satisfied by one agreed coordination cell', () => {
    const { b, coord, ok } = setup();
    b.agreed(coord, null, ok);
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('does not count a coordination duty marked not applicable', () => {
    const { b, ok } = setup();
    const na = b.duty({ concerns: ['inter_vendor_coordination'], notApplicableReason: '単独ベンダー扱い' });
    b.agreed(na, null, ok);
    expect(ofCode('inter_vendor_coordination_missing', b.build())).toHaveLength(1);
  });

  it('does not fire with one vendor, counting neither the hospital nor observers', () => {
    const b = createTestSnapshotBuilder();
    b.party({ role: 'hospital' });
    b.party({ role: 'hospital' });
    b.party({ role: 'ehr_vendor' });
    b.party({ role: 'observer' });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('counts one organization in two roles as one vendor', () => {
    const b = createTestSnapshotBuilder();
    const org = '0f0f0f0f-0000-4000-8000-000000000001';
    b.party({ role: 'hospital' });
    b.party({ role: 'ehr_vendor', organizationId: org });
    b.party({ role: 'maintenance_vendor', organizationId: org });
    expect(computeFindings(b.build())).toEqual([]);
  });
});
