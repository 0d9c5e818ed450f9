import { describe, expect, it } from 'vitest';
import type { TEngagementSnapshot } from '../model/snapshot.ts';
import { computeFindings } from '../findings/index.ts';
import { buildCanonicalRevision } from './canonical-revision.ts';
import { diffRevisions, fieldChanges, limitDiffToParty } from './revision-diff.ts';
import { freezeBlockers, isFreezable } from './freeze-check.ts';
import { sealInput, signingStatement } from './signing.ts';
import { FIXTURE_ORG_NAMES, revisionFixture } from './revision-fixture.ts';

const canon = (s: TEngagementSnapshot) => buildCanonicalRevision(s, FIXTURE_ORG_NAMES).canonical;

/** The fixture after an amendment: the patch cell moves R to the hospital, a terminal asset and its cell appear, GOV-1 goes. */
const amended = (): TEngagementSnapshot => {
  const s = revisionFixture();
  const [hospital, vendor] = s.parties;
  const patch = s.cells[1]!;
  const terminal = { ...s.assets[0]!, id: 'a0000000-0000-4000-8000-0000000000aa', name: '端末', category: 'client_terminal' as const, position: 1 };
  return {
    ...s,
    assets: [...s.assets, terminal],
    cells: [
      { ...patch, assignment: { [hospital!.id]: ['A', 'R'] }, terms: { ...patch.terms, remarks: '院内で実施' } },
      s.cells[2]!,
      { ...patch, id: 'a0000000-0000-4000-8000-0000000000ab', assetId: terminal.id, assignment: { [vendor!.id]: ['R', 'A'] } },
    ],
    duties: s.duties.filter((d) => d.code !== 'GOV-1').map((d) => (d.code === 'VUL-1' ? { ...d, appliesTo: ['server', 'client_terminal'] } : d)),
  } as TEngagementSnapshot;
};

describe('revision diff', () => {
  it('is empty between a revision and itself', () => {
    const d = diffRevisions(canon(revisionFixture()), canon(revisionFixture('c0000000')));
    expect(d.counts).toEqual({ cellsAdded: 0, cellsRemoved: 0, cellsChanged: 0 });
    expect(d.byParty).toEqual([]);
    expect(d.duties.changed).toEqual([]);
  });

  it('reports cells added, removed and changed by stable key, field by field, and per party', () => {
    const d = diffRevisions(canon(revisionFixture()), canon(amended()));
    expect(d.cells.added.map((c) => c.key)).toEqual(['VUL-1@A2']);
    expect(d.cells.removed.map((c) => c.key)).toEqual(['GOV-1@*']);
    expect(d.cells.changed).toHaveLength(1);
    const changed = d.cells.changed[0]!;
    expect(changed).toMatchObject({ key: 'VUL-1@A1', dutyCode: 'VUL-1', assetName: '電子カルテサーバ', dutyTitle: { ja: 'パッチ適用' } });
    expect(changed.changes).toEqual([
      { field: 'assignment', before: { P1: ['A', 'I'], P2: ['R'] }, after: { P1: ['R', 'A'] } },
      { field: 'terms.remarks', before: '', after: '院内で実施' },
    ]);
    expect(d.assets.added).toHaveLength(1);
    expect(d.duties.removed.map((x) => x.key)).toEqual(['GOV-1']);
    expect(d.duties.changed[0]).toMatchObject({ key: 'VUL-1', changes: [{ field: 'appliesTo' }] });
    const byParty = Object.fromEntries(d.byParty.map((p) => [p.partyKey, p.cells.map((c) => [c.key, c.rolesBefore.join(''), c.rolesAfter.join('')])]));
    expect(byParty).toEqual({
      P1: [
        ['VUL-1@A1', 'AI', 'RA'],
        ['GOV-1@*', 'RA', ''],
      ],
      P2: [
        ['VUL-1@A1', 'R', ''],
        ['VUL-1@A2', '', 'RA'],
      ],
    });
  });

  it('limits a diff to the cells a party holds or held', () => {
    const d = diffRevisions(canon(revisionFixture()), canon(amended()));
    const vendor = limitDiffToParty(d, 'P2', 'P2');
    expect(vendor.changed.map((c) => c.key)).toEqual(['VUL-1@A1']);
    expect(vendor.added.map((c) => c.key)).toEqual(['VUL-1@A2']);
    expect(vendor.removed).toEqual([]);
    const hospital = limitDiffToParty(d, 'P1', 'P1');
    expect(hospital.removed.map((c) => c.key)).toEqual(['GOV-1@*']);
    expect(hospital.added).toEqual([]);
    expect(limitDiffToParty(d, null, null)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('flattens nested objects into dotted fields but keeps arrays whole', () => {
    expect(fieldChanges({ a: { b: 1, c: [1] } }, { a: { b: 2, c: [1, 2] } })).toEqual([
      { field: 'a.b', before: 1, after: 2 },
      { field: 'a.c', before: [1], after: [1, 2] },
    ]);
  });
});

describe('freeze check', () => {
  it('is freezable when every cell is agreed or not applicable', () => {
    const s = revisionFixture();
    const b = freezeBlockers(s, computeFindings(s));
    expect(b).toEqual({ blockingFindings: [], openCells: [], unjoinedParties: [] });
    expect(isFreezable(b)).toBe(true);
  });

  it('lists open cells, blocking findings and parties that cannot sign', () => {
    const s = revisionFixture();
    const open: TEngagementSnapshot = {
      ...s,
      parties: [...s.parties, { ...s.parties[1]!, id: 'a0000000-0000-4000-8000-0000000000cc', organizationId: null, displayName: '未参加', position: 2 }],
      cells: s.cells.map((c, i) => (i === 1 ? { ...c, status: 'proposed', assignment: null, proposedAssignment: null } : c)),
    };
    const b = freezeBlockers(open, computeFindings(open));
    expect(b.openCells).toEqual([{ cellId: s.cells[1]!.id, dutyCode: 'VUL-1', assetName: '電子カルテサーバ', status: 'proposed' }]);
    expect(b.blockingFindings.map((f) => f.code)).toContain('unassigned');
    expect(b.unjoinedParties).toEqual([{ partyId: 'a0000000-0000-4000-8000-0000000000cc', role: 'network_vendor', displayName: '未参加' }]);
    expect(isFreezable(b)).toBe(false);
  });
});

describe('signing texts', () => {
  const input = { signerName: '山田 太郎', organizationName: 'デモ総合病院', partyDisplayName: '病院', engagementTitle: '電子カルテ更新', revisionNumber: 2, revisionSha256: 'ab'.repeat(32) };

  it('names the party, the revision number and the hash, in Japanese then English', () => {
    const [ja, en] = signingStatement(input).split('\n');
    expect(ja).toContain('当事者「病院」');
    expect(ja).toContain('第2版');
    expect(en).toContain('revision 2');
    for (const line of [ja, en]) expect(line).toContain('ab'.repeat(32));
  });

  it('seals a fixed, versioned field list', () => {
    const fields = {
      revisionId: '00000000-0000-4000-8000-000000000001',
      revisionNumber: 1,
      revisionSha256: 'ab'.repeat(32),
      partyId: '00000000-0000-4000-8000-000000000002',
      organizationId: '00000000-0000-4000-8000-000000000003',
      signerUserId: '00000000-0000-4000-8000-000000000004',
      signerName: '山田 太郎',
      signedAt: '2025-04-01T00:00:00.000Z',
      statement: 'statement',
      ip: '127.0.0.1',
      userAgent: 'ua',
    };
    expect(sealInput(fields)).toBe(
      `{"ip":"127.0.0.1","organizationId":"00000000-0000-4000-8000-000000000003","partyId":"00000000-0000-4000-8000-000000000002","revisionId":"00000000-0000-4000-8000-000000000001","revisionNumber":1,"revisionSha256":"${'ab'.repeat(32)}","signedAt":"2025-04-01T00:00:00.000Z","signerName":"山田 太郎","signerUserId":"00000000-0000-4000-8000-000000000004","statement":"statement","userAgent":"ua","v":1}`,
    );
    expect(sealInput({ ...fields, ip: '127.0.0.2' })).not.toBe(sealInput(fields));
  });
});
