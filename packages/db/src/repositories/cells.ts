import type { TCell, TProposal } from '@bunkai/domain';
import type { cells, proposalResponses, proposals } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type CellRow = typeof cells.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalResponseRow = typeof proposalResponses.$inferSelect;

export const toCell = (r: CellRow): TCell => ({
  id: r.id,
  engagementId: r.engagementId,
  dutyId: r.dutyId,
  assetId: r.assetId,
  status: r.status,
  assignment: r.assignment,
  terms: r.terms,
  notApplicableReason: r.notApplicableReason,
  kickoff: {
    firstCheckAnswer: r.firstCheckAnswer,
    firstCheckOn: r.firstCheckOn,
    completedOn: r.completedOn,
    notes: r.kickoffNotes,
  },
  dueOn: r.dueOn,
  completionDueOn: r.completionDueOn,
  openProposalId: r.openProposalId,
  version: r.version,
  updatedAt: iso(r.updatedAt),
});

export const toProposal = (r: ProposalRow, responses: ProposalResponseRow[]): TProposal => ({
  id: r.id,
  cellId: r.cellId,
  engagementId: r.engagementId,
  proposerPartyId: r.proposerPartyId,
  proposerUserId: r.proposerUserId,
  assignment: r.assignment,
  terms: r.terms,
  reason: r.reason,
  status: r.status,
  suggested: r.suggested,
  supersedesId: r.supersedesId,
  responses: responses.map((x) => ({ partyId: x.partyId, response: x.response, reason: x.reason, userId: x.userId, at: iso(x.createdAt) })),
  createdAt: iso(r.createdAt),
  closedAt: isoOrNull(r.closedAt),
});
