import { z } from 'zod';
import { ASSET_CATEGORIES } from './enums.ts';
import { ZDate, ZId, ZName, ZShortText, ZVersion } from './primitives.ts';

/** 対象資産 */
export const ZAsset = z.object({
  id: ZId,
  engagementId: ZId,
  name: ZName,
  category: z.enum(ASSET_CATEGORIES),
  /** 資産の所有者 */
  ownerPartyId: ZId.nullable(),
  vendor: ZShortText,
  model: ZShortText,
  assetVersion: ZShortText,
  /** Support end (EoS / EoL) date, if known. */
  supportEndsOn: ZDate.nullable(),
  position: z.number().int().min(0),
  version: ZVersion,
});
export type TAsset = z.infer<typeof ZAsset>;
