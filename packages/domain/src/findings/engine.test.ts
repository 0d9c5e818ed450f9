import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ZAsset } from '../model/asset.ts';
import { ZAssignment, ZCell } from '../model/cell.ts';
import { ZDuty } from '../model/duty.ts';
import { ZParty } from '../model/party.ts';
import { ASSET_CATEGORIES, DUTY_CONCERNS, PHASES, type TPartyRole } from '../model/enums.ts';
import type { TAssignment } from '../model/cell.ts';
import type { TEngagementSnapshot } from '../model/snapshot.ts';
import {
  FINDING_CODES,
  FINDING_RULES,
  compareFindings,
  computeFindings,
  countFindings,
  hasBlockingFindings,
} from './index.ts';
import { createTestSnapshotBuilder } from './test-snapshot.ts';

/** Small deterministic PRNG so generated worlds shrink through one seed. */
const rng = (seed: number) => {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
};

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('FINDING_RULES', () => {
  it('lists every code once, in run order, with bilingual descriptions', () => {
    expect(FINDING_RULES.map((r) => r.code)).toEqual([...FINDING_CODES]);
    for (const r of FINDING_RULES) {
      expect(r.description.ja.length).toBeGreaterThan(0);
      expect(r.description.en.length).toBeGreaterThan(0);
      expect(r.severities).toContain(r.severity);
    }
    expect(FINDING_RULES.find((r) => r.code === 'owner_without_role')?.severity).toBe('warning');
    expect(FINDING_RULES.find((r) => r.code === 'eos_without_replacement')?.severities).toEqual(['blocking', 'warning']);
  });
});

describe('computeFindings ordering', () => {
  it('sorts blocking first, then by rule, then by subject id', () => {
    const b = createTestSnapshotBuilder({ today: '2025-04-01' });
    const hosp = b.party({ role: 'hospital' });
    const v1 = b.party({ role: 'ehr_vendor' });
    b.party({ role: 'network_vendor' });
    const owned = b.asset({ ownerPartyId: v1.id, supportEndsOn: '2025-05-01' });
    const vpn = b.asset({ category: 'vpn_appliance' });
    const d = b.duty();
    b.cell({ duty: d, asset: vpn });
    b.cell({ duty: d, asset: owned });
    b.agreed(d, null, { [hosp.id]: ['R'] });
    const found = computeFindings(b.build());
    expect(found.map((f) => `${f.severity}/${f.code}`)).toEqual([
      'blocking/unassigned',
      'blocking/unassigned',
      'blocking/no_accountable',
      'blocking/remote_access_duties_missing',
      'blocking/inter_vendor_coordination_missing',
      'warning/owner_without_role',
      'warning/eos_without_replacement',
    ]);
    expect(found[0]!.id < found[1]!.id).toBe(true);
    expect([...found].sort(compareFindings)).toEqual(found);
    expect(hasBlockingFindings(found)).toBe(true);
    expect(countFindings(found)).toEqual({ blocking: 5, warning: 2 });
    expect(hasBlockingFindings(found.filter((f) => f.severity === 'warning'))).toBe(false);
  });
});

/** A random engagement in which every cell is agreed and every gap rule is satisfied. */
const healthyWorld = fc.record({
  vendorRoles: fc.array(
    fc.constantFrom<TPartyRole>('ehr_vendor', 'network_vendor', 'vpn_owner', 'cloud_provider', 'maintenance_vendor', 'other'),
    { maxLength: 4 },
  ),
  observer: fc.boolean(),
  assets: fc.array(
    fc.record({
      category: fc.constantFrom(...ASSET_CATEGORIES),
      eosOffset: fc.option(fc.integer({ min: -400, max: 400 })),
      replacementAgreed: fc.boolean(),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  duties: fc.array(
    fc.record({ phase: fc.constantFrom(...PHASES), concerns: fc.subarray([...DUTY_CONCERNS]), wide: fc.boolean() }),
    { minLength: 1, maxLength: 6 },
  ),
  seed: fc.nat(),
});

type THealthyWorld = typeof healthyWorld extends fc.Arbitrary<infer T> ? T : never;

const buildHealthy = (w: THealthyWorld) => {
  const next = rng(w.seed);
  const b = createTestSnapshotBuilder({ today: '2025-04-01' });
  const doers = [b.party({ role: 'hospital' }), ...w.vendorRoles.map((role) => b.party({ role }))];
  const observer = w.observer ? b.party({ role: 'observer', emergencyContacts: [] }) : null;
  const valid = (): TAssignment => {
    const a: TAssignment = {};
    const give = (id: string, r: 'R' | 'A' | 'C' | 'I') => (a[id] = [...(a[id] ?? []), r]);
    give(doers[next(doers.length)]!.id, 'A');
    give(doers[next(doers.length)]!.id, 'R');
    for (const p of doers) if (next(3) === 0) give(p.id, next(2) === 0 ? 'C' : 'I');
    if (observer && next(2) === 0) give(observer.id, 'I');
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, [...new Set(v)]]));
  };
  const assets = w.assets.map((a) =>
    b.asset({
      category: a.category,
      // Past support end only where a replacement is agreed; near or far otherwise.
      supportEndsOn:
        a.eosOffset === null ? null : addDays('2025-04-01', a.replacementAgreed ? a.eosOffset : Math.abs(a.eosOffset)),
      ownerPartyId: doers[next(doers.length)]!.id,
    }),
  );
  const coverage = b.duty({
    concerns: ['patch_management', 'account_management', 'log_management', 'inter_vendor_coordination'],
  });
  b.agreed(coverage, null, valid());
  const replacement = b.duty({ concerns: ['eos_replacement'] });
  w.assets.forEach((a, i) => {
    if (a.replacementAgreed) b.agreed(replacement, assets[i]!, valid());
  });
  for (const d of w.duties) {
    const duty = b.duty({ phase: d.phase, concerns: d.concerns });
    if (d.wide) b.agreed(duty, null, valid());
    else for (const asset of assets) b.agreed(duty, asset, valid());
  }
  return b.build();
};

const shuffle = <T>(xs: readonly T[], next: (n: number) => number): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('computeFindings properties', () => {
  it('property: all agreed, valid, covered and reachable ⇒ no blocking finding', () => {
    fc.assert(
      fc.property(healthyWorld, (w) => {
        const found = computeFindings(buildHealthy(w));
        expect(found.filter((f) => f.severity === 'blocking')).toEqual([]);
      }),
    );
  });

  it('property: the order of the snapshot lists never changes the result; ids are unique', () => {
    fc.assert(
      fc.property(healthyWorld, fc.nat(), fc.nat(), (w, seed, mutate) => {
        const base = buildHealthy(w);
        // Break a few cells so there is something to report.
        const cells = base.cells.map((c, i) => (i % 3 === mutate % 3 ? { ...c, status: 'unassigned' as const, assignment: null } : c));
        const s: TEngagementSnapshot = { ...base, cells };
        const next = rng(seed);
        const shuffled: TEngagementSnapshot = {
          ...s,
          parties: shuffle(s.parties, next),
          assets: shuffle(s.assets, next),
          duties: shuffle(s.duties, next),
          cells: shuffle(s.cells, next),
        };
        const found = computeFindings(s);
        expect(computeFindings(shuffled)).toEqual(found);
        expect(new Set(found.map((f) => f.id)).size).toBe(found.length);
      }),
    );
  });

  it('property: EoS severity follows the date arithmetic exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -800, max: 800 }),
        fc.constantFrom('none', 'proposed', 'agreed'),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }),
        (offset, replacement, todayDate) => {
          const today = todayDate.toISOString().slice(0, 10);
          const b = createTestSnapshotBuilder({ today });
          const hosp = b.party({ role: 'hospital' });
          const asset = b.asset({ supportEndsOn: addDays(today, offset) });
          const duty = b.duty({ concerns: ['eos_replacement'] });
          if (replacement === 'agreed') b.agreed(duty, asset, { [hosp.id]: ['R', 'A'] });
          if (replacement === 'proposed') b.proposed(duty, asset, { [hosp.id]: ['R', 'A'] });
          const eos = computeFindings(b.build()).filter((f) => f.code === 'eos_without_replacement');
          const expected =
            replacement === 'agreed' || offset > 180 ? [] : offset < 0 ? ['blocking'] : ['warning'];
          expect(eos.map((f) => f.severity)).toEqual(expected);
        },
      ),
    );
  });
});

describe('test snapshot builder', () => {
  it('produces entities that pass the model schemas', () => {
    const b = createTestSnapshotBuilder();
    const h = b.party({ role: 'hospital' });
    const a = b.asset({ supportEndsOn: '2030-01-01' });
    const d = b.duty({ concerns: ['backup'] });
    b.agreed(d, a, { [h.id]: ['R', 'A'] });
    b.proposed(d, null, { [h.id]: ['R', 'A'] });
    const s = b.build();
    for (const p of s.parties) expect(() => ZParty.parse(p)).not.toThrow();
    for (const x of s.assets) expect(() => ZAsset.parse(x)).not.toThrow();
    for (const x of s.duties) expect(() => ZDuty.parse(x)).not.toThrow();
    const cellSchema = ZCell.pick({
      id: true,
      dutyId: true,
      assetId: true,
      status: true,
      assignment: true,
      terms: true,
      notApplicableReason: true,
      kickoff: true,
    }).extend({ proposedAssignment: ZAssignment.nullable() });
    for (const c of s.cells) expect(() => cellSchema.parse(c)).not.toThrow();
    expect(s.cells.map((c) => c.status)).toEqual(['agreed', 'proposed']);
  });
});

describe('scale', () => {
  it('handles a 36,000-cell engagement (10× the reference) in one pass', () => {
    const b = createTestSnapshotBuilder({ today: '2025-04-01' });
    const hosp = b.party({ role: 'hospital' });
    const vendors = Array.from({ length: 7 }, (_, i) =>
      b.party(i === 6 ? { role: 'ehr_vendor', emergencyContacts: [] } : { role: 'ehr_vendor' }),
    );
    const silent = vendors[6]!;
    const assets = Array.from({ length: 60 }, (_, i) =>
      b.asset({ category: i < 2 ? 'vpn_appliance' : 'server', ownerPartyId: vendors[i % 7]!.id }),
    );
    const duties = Array.from({ length: 600 }, (_, i) =>
      b.duty(
        i === 0
          ? { concerns: ['patch_management', 'account_management', 'log_management', 'inter_vendor_coordination'] }
          : { phase: i % 50 === 1 ? 'emergency' : 'normal' },
      ),
    );
    let n = 0;
    for (const asset of assets) {
      const owner = asset.ownerPartyId!;
      for (const duty of duties) {
        // Every tenth cell is left open; duty 0 (index ≡ 0 mod 10) is always agreed.
        if (n++ % 10 === 9) b.cell({ duty, asset });
        else b.agreed(duty, asset, { [hosp.id]: ['A'], [owner]: ['R'] });
      }
    }
    const s = b.build();
    expect(s.cells).toHaveLength(36_000);
    const found = computeFindings(s);
    const counts = Object.fromEntries(FINDING_CODES.map((c) => [c, found.filter((f) => f.code === c).length]));
    expect(counts).toEqual({
      unassigned: 3600,
      no_accountable: 0,
      multiple_accountable: 0,
      no_responsible: 0,
      owner_without_role: 0,
      eos_without_replacement: 0,
      emergency_contact_missing: 1,
      remote_access_duties_missing: 0,
      inter_vendor_coordination_missing: 0,
      deadline_overdue: 0,
    });
    const contact = found.find((f) => f.code === 'emergency_contact_missing');
    expect(contact?.partyIds).toEqual([silent.id]);
    // The silent vendor owns 8 assets (6, 13, …, 55) and is R on their 12 emergency duties, none left open.
    expect(contact?.cellIds).toHaveLength(96);
  });
});
