import type { TEngagement } from '@bunkai/domain';
import type { engagements } from '../schema/index.ts';
import { iso, isoOrNull } from './time.ts';

export type EngagementRow = typeof engagements.$inferSelect;

export const toEngagement = (r: EngagementRow): TEngagement => ({
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
