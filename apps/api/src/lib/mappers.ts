import type { TAsset, TCell, TDuty, TEngagement, TParty, TProposal } from '@bunkai/domain';
import type { assets, cells, duties, engagements, parties, proposalResponses, proposals } from '@bunkai/db';

/** Row → API shape. Timestamps leave as ISO-8601 UTC strings. */
const iso = (s: string): string => new Date(s).toISOString();
const isoOrNull = (s: string | null): string | null => (s ? iso(s) : null);

export const toEngagement = (r: typeof engagements.$inferSelect): TEngagement => ({
  id: r.id,
  ownerOrganizationId: r.ownerOrganizationId,
  title: r.title,
  systemName: r.systemName,
  description: r.description,
  serviceModel: r.serviceModel as TEngagement['serviceModel'],
  provisionPattern: r.provisionPattern as TEngagement['provisionPattern'],
  status: r.status as TEngagement['status'],
  requireTwoFactorToSign: r.requireTwoFactorToSign,
  catalogVersion: r.catalogVersion,
  templateCode: r.templateCode,
  archivedAt: isoOrNull(r.archivedAt),
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

export const toParty = (r: typeof parties.$inferSelect): TParty => ({
  id: r.id,
  engagementId: r.engagementId,
  organizationId: r.organizationId,
  role: r.role as TParty['role'],
  displayName: r.displayName,
  contractReference: r.contractReference,
  normalContacts: r.normalContacts,
  emergencyContacts: r.emergencyContacts,
  position: r.position,
  version: r.version,
});

export const toAsset = (r: typeof assets.$inferSelect): TAsset => ({
  id: r.id,
  engagementId: r.engagementId,
  name: r.name,
  category: r.category as TAsset['category'],
  ownerPartyId: r.ownerPartyId,
  vendor: r.vendor,
  model: r.model,
  assetVersion: r.assetVersion,
  supportEndsOn: r.supportEndsOn,
  position: r.position,
  version: r.version,
});

export const toDuty = (r: typeof duties.$inferSelect): TDuty => ({
  id: r.id,
  engagementId: r.engagementId,
  code: r.code,
  title: { ja: r.titleJa, en: r.titleEn },
  description: { ja: r.descriptionJa, en: r.descriptionEn },
  phase: r.phase as TDuty['phase'],
  category: r.category as TDuty['category'],
  appliesTo: r.appliesTo as TDuty['appliesTo'],
  concerns: r.concerns as TDuty['concerns'],
  kakuninhyoPart: r.kakuninhyoPart as TDuty['kakuninhyoPart'],
  order: r.sortOrder,
  references: r.references,
  catalogVersion: r.catalogVersion,
  notApplicableReason: r.notApplicableReason,
  version: r.version,
});

export const toCell = (r: typeof cells.$inferSelect): TCell => ({
  id: r.id,
  engagementId: r.engagementId,
  dutyId: r.dutyId,
  assetId: r.assetId,
  status: r.status as TCell['status'],
  assignment: r.assignment,
  terms: r.terms,
  notApplicableReason: r.notApplicableReason,
  kickoff: {
    firstCheckAnswer: r.firstCheckAnswer as TCell['kickoff']['firstCheckAnswer'],
    firstCheckOn: r.firstCheckOn,
    completedOn: r.completedOn,
    notes: r.kickoffNotes,
  },
  openProposalId: r.openProposalId,
  version: r.version,
  updatedAt: iso(r.updatedAt),
});

export const toProposal = (r: typeof proposals.$inferSelect, responses: (typeof proposalResponses.$inferSelect)[]): TProposal => ({
  id: r.id,
  cellId: r.cellId,
  engagementId: r.engagementId,
  proposerPartyId: r.proposerPartyId,
  proposerUserId: r.proposerUserId,
  assignment: r.assignment,
  terms: r.terms,
  reason: r.reason,
  status: r.status as TProposal['status'],
  suggested: r.suggested,
  supersedesId: r.supersedesId,
  responses: responses.map((x) => ({ partyId: x.partyId, response: x.response, reason: x.reason, userId: x.userId, at: iso(x.createdAt) })),
  createdAt: iso(r.createdAt),
  closedAt: isoOrNull(r.closedAt),
});
