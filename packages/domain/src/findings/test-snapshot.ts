/**
 * Test helper: builds valid engagement snapshots with little typing, for the
 * findings tests here and for other packages' tests (exported from the package
 * on purpose). Ids are deterministic UUIDs so failures are reproducible;
 * defaults are the "nothing wrong" values (contacts present, no EoS, no owner).
 */
import type { TAsset } from '../model/asset.ts';
import { EMPTY_KICKOFF, EMPTY_TERMS, type TAssignment } from '../model/cell.ts';
import type { TDuty } from '../model/duty.ts';
import type { TParty } from '../model/party.ts';
import type { TEngagementSnapshot, TSnapshotCell } from '../model/snapshot.ts';

const ID_PREFIX = { engagement: 'eeeeeeee', party: 'bbbbbbbb', asset: 'aaaaaaaa', duty: 'dddddddd', cell: 'cccccccc' };

/** A valid v4-shaped UUID that reads as its kind and number, e.g. `aaaaaaaa-0000-4000-8000-00000000000c`. */
export const testId = (kind: keyof typeof ID_PREFIX, n: number): string =>
  `${ID_PREFIX[kind]}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

type TRef<T extends { id: string }> = T | string;
const idOf = <T extends { id: string }>(r: TRef<T>): string => (typeof r === 'string' ? r : r.id);

export type TTestCellInput = Partial<Omit<TSnapshotCell, 'dutyId' | 'assetId'>> & {
  duty: TRef<TDuty>;
  /** Omitted or null: an engagement-wide cell. */
  asset?: TRef<TAsset> | null;
};

export type TTestSnapshotBuilder = {
  engagementId: string;
  party: (p?: Partial<TParty>) => TParty;
  asset: (a?: Partial<TAsset>) => TAsset;
  duty: (d?: Partial<TDuty>) => TDuty;
  /** Status defaults to agreed with `assignment`, proposed with `proposedAssignment`, else unassigned. */
  cell: (c: TTestCellInput) => TSnapshotCell;
  agreed: (duty: TRef<TDuty>, asset: TRef<TAsset> | null, assignment: TAssignment) => TSnapshotCell;
  proposed: (duty: TRef<TDuty>, asset: TRef<TAsset> | null, proposedAssignment: TAssignment) => TSnapshotCell;
  build: (overrides?: Partial<TEngagementSnapshot>) => TEngagementSnapshot;
};

export const createTestSnapshotBuilder = (options: { today?: string } = {}): TTestSnapshotBuilder => {
  const engagementId = testId('engagement', 1);
  const parties: TParty[] = [];
  const assets: TAsset[] = [];
  const duties: TDuty[] = [];
  const cells: TSnapshotCell[] = [];

  const party = (p: Partial<TParty> = {}): TParty => {
    const n = parties.length + 1;
    const made: TParty = {
      id: testId('party', n),
      engagementId,
      organizationId: null,
      role: 'ehr_vendor',
      displayName: `当事者${n}`,
      contractReference: '',
      normalContacts: [],
      emergencyContacts: [{ name: `緊急窓口${n}`, phone: '03-0000-0000', email: '', hours: '24時間365日' }],
      position: n - 1,
      version: 1,
      ...p,
    };
    parties.push(made);
    return made;
  };

  const asset = (a: Partial<TAsset> = {}): TAsset => {
    const n = assets.length + 1;
    const made: TAsset = {
      id: testId('asset', n),
      engagementId,
      name: `資産${n}`,
      category: 'server',
      ownerPartyId: null,
      vendor: '',
      model: '',
      assetVersion: '',
      supportEndsOn: null,
      position: n - 1,
      version: 1,
      ...a,
    };
    assets.push(made);
    return made;
  };

  const duty = (d: Partial<TDuty> = {}): TDuty => {
    const n = duties.length + 1;
    const made: TDuty = {
      id: testId('duty', n),
      engagementId,
      code: `D-${n}`,
      title: { ja: `責任項目${n}`, en: `Duty ${n}` },
      description: { ja: `責任項目${n}の説明`, en: `Description of duty ${n}` },
      phase: 'normal',
      category: 'governance',
      appliesTo: [],
      concerns: [],
      kakuninhyoPart: 2,
      order: n,
      references: [{ document: 'mhlw-gl6-ops', section: '§3' }],
      catalogVersion: null,
      notApplicableReason: null,
      version: 1,
      ...d,
    };
    duties.push(made);
    return made;
  };

  const cell = ({ duty: d, asset: a, ...rest }: TTestCellInput): TSnapshotCell => {
    const n = cells.length + 1;
    const assignment = rest.assignment ?? null;
    const proposedAssignment = rest.proposedAssignment ?? null;
    const made: TSnapshotCell = {
      id: testId('cell', n),
      dutyId: idOf(d),
      assetId: a === undefined || a === null ? null : idOf(a),
      status: assignment ? 'agreed' : proposedAssignment ? 'proposed' : 'unassigned',
      terms: EMPTY_TERMS,
      notApplicableReason: null,
      kickoff: EMPTY_KICKOFF,
      ...rest,
      assignment,
      proposedAssignment,
    };
    cells.push(made);
    return made;
  };

  return {
    engagementId,
    party,
    asset,
    duty,
    cell,
    agreed: (d, a, assignment) => cell({ duty: d, asset: a, assignment }),
    proposed: (d, a, proposedAssignment) => cell({ duty: d, asset: a, proposedAssignment }),
    build: (overrides = {}) => ({
      engagement: {
        id: engagementId,
        title: 'テスト案件',
        systemName: '電子カルテシステム',
        serviceModel: 'on_prem',
        provisionPattern: 'separate_contracts',
        status: 'negotiating',
      },
      parties: [...parties],
      assets: [...assets],
      duties: [...duties],
      cells: [...cells],
      today: options.today ?? '2025-04-01',
      ...overrides,
    }),
  };
};
