import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RACI_ROLES } from '../model/enums.ts';
import { validateAssignment } from '../rules/assignment.ts';
import { computeFindings, type TFindingCode } from './index.ts';
import { createTestSnapshotBuilder } from './test-snapshot.ts';

/** Hospital + one vendor + one server asset + one duty: nothing fires until a test adds a cell. */
const setup = () => {
  const b = createTestSnapshotBuilder();
  const hosp = b.party({ role: 'hospital', displayName: '○○病院' });
  const ehr = b.party({ role: 'ehr_vendor', displayName: 'A社' });
  const server = b.asset({ name: '電子カルテサーバー', category: 'server' });
  const duty = b.duty({ title: { ja: 'OSのパッチ適用', en: 'OS patching' } });
  return { b, hosp, ehr, server, duty };
};

const ofCode = (code: TFindingCode, s: ReturnType<ReturnType<typeof setup>['b']['build']>) =>
  computeFindings(s).filter((f) => f.code === code);

describe('unassigned', () => {
  it('fires for an in-scope cell with no agreement and no proposal', () => {
    const { b, server, duty } = setup();
    const cell = b.cell({ duty, asset: server });
    const found = computeFindings(b.build());
    expect(found).toEqual([
      {
        id: `unassigned:${cell.id}`,
        code: 'unassigned',
        severity: 'blocking',
        cellIds: [cell.id],
        assetIds: [server.id],
        partyIds: [],
        dutyIds: [duty.id],
        message: {
          ja: '「電子カルテサーバー」の「OSのパッチ適用」を担当する当事者が決まっていません。',
          en: 'Nobody holds "OS patching" on "電子カルテサーバー" yet.',
        },
      },
    ]);
  });

  it('names engagement-wide cells as such', () => {
    const { b, duty } = setup();
    b.cell({ duty, asset: null });
    const [f] = computeFindings(b.build());
    expect(f?.assetIds).toEqual([]);
    expect(f?.message.ja).toBe('案件全体の「OSのパッチ適用」を担当する当事者が決まっていません。');
  });

  it('says so when a rejected proposal left the cell disputed, even with an earlier agreement', () => {
    const { b, hosp, ehr, server, duty } = setup();
    b.cell({ duty, asset: server, status: 'disputed', assignment: { [hosp.id]: ['A'], [ehr.id]: ['R'] } });
    const [f] = ofCode('unassigned', b.build());
    expect(f?.message.ja).toContain('提案が却下されたまま');
  });

  it('does not fire when there is an open proposal or an agreement', () => {
    const { b, hosp, ehr, server, duty } = setup();
    b.proposed(duty, server, { [hosp.id]: ['A'], [ehr.id]: ['R'] });
    b.agreed(duty, null, { [hosp.id]: ['A', 'R'] });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('ignores not-applicable cells and duties', () => {
    const { b, server, duty } = setup();
    b.cell({ duty, asset: server, status: 'not_applicable', notApplicableReason: 'クラウド移行済み' });
    const naDuty = b.duty({ notApplicableReason: '該当システムなし' });
    b.cell({ duty: naDuty, asset: server });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('treats an assignment in which nobody holds a letter as unassigned, reported once', () => {
    const { b, server, duty } = setup();
    b.cell({ duty, asset: server, status: 'agreed', assignment: {} });
    b.cell({ duty, asset: null, status: 'agreed', assignment: null });
    expect(computeFindings(b.build()).map((f) => f.code)).toEqual(['unassigned', 'unassigned']);
  });
});

describe('no_accountable / no_responsible / multiple_accountable', () => {
  it('no_accountable fires on an agreement without A and names the parties involved', () => {
    const { b, ehr, server, duty } = setup();
    const cell = b.agreed(duty, server, { [ehr.id]: ['R'] });
    const [f] = computeFindings(b.build());
    expect(f).toMatchObject({
      id: `no_accountable:${cell.id}`,
      code: 'no_accountable',
      severity: 'blocking',
      cellIds: [cell.id],
      assetIds: [server.id],
      partyIds: [ehr.id],
      dutyIds: [duty.id],
    });
    expect(f?.message.ja).toBe(
      '「電子カルテサーバー」の「OSのパッチ適用」に責任者（A）がいません。責任を持つ当事者を1者決めてください。',
    );
  });

  it('judges the open proposal when the cell is proposed, and marks it as a proposal', () => {
    const { b, hosp, ehr, server, duty } = setup();
    // An earlier valid agreement, but the counter-proposal being negotiated has no A.
    b.cell({
      duty,
      asset: server,
      status: 'proposed',
      assignment: { [hosp.id]: ['A'], [ehr.id]: ['R'] },
      proposedAssignment: { [ehr.id]: ['R'] },
    });
    const [f] = computeFindings(b.build());
    expect(f?.code).toBe('no_accountable');
    expect(f?.message.ja).toMatch(/^提案中の分担では、「電子カルテサーバー」の/);
    expect(f?.message.en).toContain('(in the open proposal)');
  });

  it('judges the agreement when the cell is agreed, whatever a stale proposal says', () => {
    const { b, hosp, ehr, server, duty } = setup();
    b.cell({
      duty,
      asset: server,
      status: 'agreed',
      assignment: { [hosp.id]: ['A'], [ehr.id]: ['R'] },
      proposedAssignment: { [ehr.id]: ['C'] },
    });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('no_responsible fires on an agreement without R', () => {
    const { b, hosp, ehr, server, duty } = setup();
    const cell = b.agreed(duty, server, { [hosp.id]: ['A'], [ehr.id]: ['C'] });
    const found = computeFindings(b.build());
    expect(found.map((f) => f.id)).toEqual([`no_responsible:${cell.id}`]);
    expect(found[0]).toMatchObject({ severity: 'blocking', partyIds: [hosp.id, ehr.id].sort() });
    expect(found[0]?.message.ja).toContain('実施者（R）がいません');
  });

  it('an assignment with neither A nor R gets both findings', () => {
    const { b, ehr, server, duty } = setup();
    b.agreed(duty, server, { [ehr.id]: ['I'] });
    expect(computeFindings(b.build()).map((f) => f.code)).toEqual(['no_accountable', 'no_responsible']);
  });

  it('multiple_accountable fires with the parties holding A and names them', () => {
    const { b, hosp, ehr, server, duty } = setup();
    const cell = b.agreed(duty, server, { [hosp.id]: ['A'], [ehr.id]: ['R', 'A'] });
    const found = computeFindings(b.build());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: `multiple_accountable:${cell.id}`,
      severity: 'blocking',
      partyIds: [hosp.id, ehr.id].sort(),
    });
    expect(found[0]?.message.ja).toBe(
      '「電子カルテサーバー」の「OSのパッチ適用」で責任者（A）が複数います（○○病院、A社）。1者に絞ってください。',
    );
  });

  it('a valid assignment raises none of them', () => {
    const { b, hosp, ehr, server, duty } = setup();
    b.agreed(duty, server, { [hosp.id]: ['A', 'C'], [ehr.id]: ['R'] });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('ignores not-applicable cells holding a bad assignment', () => {
    const { b, ehr, server, duty } = setup();
    b.cell({ duty, asset: server, status: 'not_applicable', assignment: { [ehr.id]: ['I'] }, notApplicableReason: 'x' });
    expect(computeFindings(b.build())).toEqual([]);
  });

  it('property: per cell, the cell findings are exactly the A/R problems validateAssignment reports', () => {
    const CELL_CODES = ['no_accountable', 'multiple_accountable', 'no_responsible'];
    const ids = ['hosp', 'ehr', 'net'];
    const assignmentArb = fc.dictionary(fc.constantFrom(...ids), fc.subarray([...RACI_ROLES], { minLength: 1 }));
    const cellArb = fc.record({
      assignment: assignmentArb,
      mode: fc.constantFrom('agreed', 'proposed', 'not_applicable'),
    });
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 8 }), (specs) => {
        const b = createTestSnapshotBuilder();
        const partyId = new Map(ids.map((k, i) => [k, b.party({ role: i === 0 ? 'hospital' : 'ehr_vendor' }).id]));
        const asset = b.asset();
        const duty = b.duty();
        const parties = b.build().parties;
        const cells = specs.map((s) => {
          const a = Object.fromEntries(Object.entries(s.assignment).map(([k, r]) => [partyId.get(k) ?? k, r]));
          if (s.mode === 'agreed') return { s, a, cell: b.agreed(duty, asset, a) };
          if (s.mode === 'proposed') return { s, a, cell: b.proposed(duty, asset, a) };
          return { s, a, cell: b.cell({ duty, asset, status: 'not_applicable', assignment: a, notApplicableReason: 'x' }) };
        });
        const found = computeFindings(b.build());
        for (const { s, a, cell } of cells) {
          const got = found.filter((f) => f.cellIds.includes(cell.id) && CELL_CODES.includes(f.code)).map((f) => f.code);
          const empty = Object.keys(a).length === 0;
          const want =
            s.mode === 'not_applicable' || empty
              ? []
              : validateAssignment(a, parties)
                  .problems.map((p) => p.code)
                  .filter((c) => CELL_CODES.includes(c));
          expect([...got].sort()).toEqual([...want].sort());
          const unassigned = found.some((f) => f.code === 'unassigned' && f.cellIds.includes(cell.id));
          expect(unassigned).toBe(s.mode !== 'not_applicable' && empty);
        }
      }),
    );
  });
});
