import type { TAsset, TDuty, TMatrixCell, TMatrixResponse, TParty, TRaciRole } from '@bunkai/domain';
import { DUTY_CATEGORIES, PHASES } from '@bunkai/domain';

/** Deterministic UUID-shaped ids, so fixtures read the same in every run. */
export const fid = (kind: number, n: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const AT = '2026-01-01T00:00:00.000Z';
export const ENGAGEMENT_ID = fid(0, 1);

export const party = (i: number, role: TParty['role'] = i === 0 ? 'hospital' : 'ehr_vendor'): TParty => ({
  id: fid(1, i),
  engagementId: ENGAGEMENT_ID,
  organizationId: fid(9, i),
  role,
  displayName: i === 0 ? '病院' : `ベンダー${i}`,
  contractReference: '',
  normalContacts: [],
  emergencyContacts: [],
  position: i,
  version: 1,
});

export const asset = (i: number): TAsset => ({
  id: fid(2, i),
  engagementId: ENGAGEMENT_ID,
  name: `資産${i}`,
  category: 'server',
  ownerPartyId: null,
  vendor: '',
  model: '',
  assetVersion: '',
  supportEndsOn: null,
  position: i,
  version: 1,
});

export const duty = (i: number): TDuty => ({
  id: fid(3, i),
  engagementId: ENGAGEMENT_ID,
  code: `D-${String(i).padStart(3, '0')}`,
  title: { ja: `責任項目${i}`, en: `Duty ${i}` },
  description: { ja: '説明', en: 'Description' },
  phase: PHASES[i % PHASES.length] ?? 'normal',
  category: DUTY_CATEGORIES[Math.floor(i / 10) % DUTY_CATEGORIES.length] ?? 'governance',
  appliesTo: ['server'],
  concerns: [],
  kakuninhyoPart: i < 40 ? 1 : 2,
  order: i * 10,
  references: [{ document: 'test', section: '§1' }],
  catalogVersion: null,
  notApplicableReason: null,
  version: 1,
});

export const cell = (dutyIndex: number, assetIndex: number | null, over: Partial<TMatrixCell> = {}): TMatrixCell => ({
  id: fid(4, dutyIndex * 1000 + (assetIndex ?? 999)),
  engagementId: ENGAGEMENT_ID,
  dutyId: fid(3, dutyIndex),
  assetId: assetIndex === null ? null : fid(2, assetIndex),
  status: 'unassigned',
  assignment: null,
  terms: { responseTime: '', frequency: '', evidence: '', remarks: '' },
  notApplicableReason: null,
  kickoff: { firstCheckAnswer: null, firstCheckOn: null, completedOn: null, notes: '' },
  openProposalId: null,
  version: 1,
  updatedAt: AT,
  openProposal: null,
  findingCodes: [],
  ...over,
});

export const assignmentOf = (entries: [number, TRaciRole[]][]) => Object.fromEntries(entries.map(([p, r]) => [fid(1, p), r]));

/** The reference size: 150 duties × 60 assets, 8 parties, every cell agreed (hospital A, vendor R). */
export const bigMatrix = (duties = 150, assets = 60, parties = 8): TMatrixResponse => {
  const ps = Array.from({ length: parties }, (_, i) => party(i));
  const as = Array.from({ length: assets }, (_, i) => asset(i));
  const ds = Array.from({ length: duties }, (_, i) => duty(i));
  const cells: TMatrixCell[] = [];
  for (let d = 0; d < duties; d++)
    for (let a = 0; a < assets; a++)
      cells.push(cell(d, a, { status: 'agreed', assignment: assignmentOf([[0, ['A']], [1 + ((d + a) % (parties - 1)), ['R']]]) }));
  return { engagement: { id: ENGAGEMENT_ID, version: 1, status: 'negotiating' }, parties: ps, assets: as, duties: ds, totalCells: cells.length, cells };
};

/**
 * Cell (0, 0) under an open proposal by party 1 (hospital A, vendor R), accepted by its proposer and waiting for
 * the hospital — the starting point of the panel and cache tests. `proposal` overrides the proposal's fields.
 */
export const proposedCell = (proposalId: string, proposal: Partial<NonNullable<TMatrixCell['openProposal']>> = {}): TMatrixCell =>
  cell(0, 0, {
    status: 'proposed',
    version: 3,
    openProposalId: proposalId,
    openProposal: {
      id: proposalId,
      proposerPartyId: fid(1, 1),
      proposerUserId: fid(8, 1),
      assignment: assignmentOf([[0, ['A']], [1, ['R']]]),
      terms: { responseTime: '', frequency: '', evidence: '', remarks: '' },
      reason: '',
      suggested: false,
      supersedesId: null,
      acceptedBy: [fid(1, 1)],
      pendingFrom: [fid(1, 0)],
      rejectedBy: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      ...proposal,
    },
  });
