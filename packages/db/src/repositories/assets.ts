import type { TAsset } from '@bunkai/domain';
import type { assets } from '../schema/index.ts';

export type AssetRow = typeof assets.$inferSelect;

export const toAsset = (r: AssetRow): TAsset => ({
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
