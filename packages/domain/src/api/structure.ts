import { z } from 'zod';
import { ZAsset } from '../model/asset.ts';
import { ZDuty, ZDutyCode, ZDutyDefinition } from '../model/duty.ts';
import { ASSET_CATEGORIES, PARTY_ROLES } from '../model/enums.ts';
import { ZContact, ZParty } from '../model/party.ts';
import { LIMITS, ZDate, ZDateTime, ZEmail, ZId, ZLocalized, ZName, ZShortText, ZVersion } from '../model/primitives.ts';

/**
 * The structure of an engagement: parties (当事者) with contacts and
 * signatories, assets (対象資産) and duties (責任項目). Update bodies list each
 * field as optional *without* defaults, so a PATCH never resets a field the
 * client did not send.
 */

const contacts = z.array(ZContact).max(20);

// ── Parties 当事者 ──────────────────────────────────────────────────────────

/** Roles a created or invited party can take: the hospital party is the owner's own organization. */
export const ZPlaceholderPartyRole = z.enum(PARTY_ROLES).exclude(['hospital']);

export const ZCreatePartyRequest = z.object({
  role: ZPlaceholderPartyRole,
  displayName: ZName,
  contractReference: ZShortText.default(''),
  normalContacts: contacts.default([]),
  emergencyContacts: contacts.default([]),
});
export type TCreatePartyRequest = z.infer<typeof ZCreatePartyRequest>;

/** The owner may change every field; a party's own members only contacts and contractReference. */
export const ZUpdatePartyRequest = z.object({
  version: ZVersion,
  role: ZPlaceholderPartyRole.optional(),
  displayName: ZName.optional(),
  contractReference: ZShortText.optional(),
  normalContacts: contacts.optional(),
  emergencyContacts: contacts.optional(),
});
export type TUpdatePartyRequest = z.infer<typeof ZUpdatePartyRequest>;

export const ZPartiesResponse = z.object({ parties: z.array(ZParty) });

/** 署名権限: a user allowed to sign for its party. */
export const ZSignatory = z.object({
  partyId: ZId,
  userId: ZId,
  displayName: ZName,
  email: ZEmail,
  grantedByUserId: ZId.nullable(),
  grantedAt: ZDateTime,
});
export type TSignatory = z.infer<typeof ZSignatory>;

// ── Assets 対象資産 ─────────────────────────────────────────────────────────

export const ZAssetInput = z.object({
  name: ZName,
  category: z.enum(ASSET_CATEGORIES),
  /** 資産の所有者: a party of the same engagement. */
  ownerPartyId: ZId.nullable().default(null),
  vendor: ZShortText.default(''),
  model: ZShortText.default(''),
  assetVersion: ZShortText.default(''),
  supportEndsOn: ZDate.nullable().default(null),
});
export type TAssetInput = z.infer<typeof ZAssetInput>;

export const MAX_BULK_ASSETS = 1000;
/** One asset, or `{ assets: [...] }` for a bulk create (all or nothing). */
export const ZCreateAssetsRequest = z.union([ZAssetInput, z.object({ assets: z.array(ZAssetInput).min(1).max(MAX_BULK_ASSETS) })]);
export type TCreateAssetsRequest = z.infer<typeof ZCreateAssetsRequest>;

export const ZUpdateAssetRequest = z.object({
  version: ZVersion,
  name: ZName.optional(),
  category: z.enum(ASSET_CATEGORIES).optional(),
  ownerPartyId: ZId.nullable().optional(),
  vendor: ZShortText.optional(),
  model: ZShortText.optional(),
  assetVersion: ZShortText.optional(),
  supportEndsOn: ZDate.nullable().optional(),
});
export type TUpdateAssetRequest = z.infer<typeof ZUpdateAssetRequest>;

export const ZAssetsResponse = z.object({ assets: z.array(ZAsset) });
/** Created assets and how many matrix cells (分担) were created for them. */
export const ZAssetsCreatedResponse = z.object({ assets: z.array(ZAsset), cellsCreated: z.number().int().min(0) });
export const ZAssetUpdatedResponse = z.object({ asset: ZAsset, cellsCreated: z.number().int().min(0), cellsDeleted: z.number().int().min(0) });

// ── Duties 責任項目 ─────────────────────────────────────────────────────────

/** A custom duty: a catalog-shaped definition (it must still cite its basis, e.g. a contract clause). */
export const ZCustomDutyInput = ZDutyDefinition.extend({
  /** Sort key inside its 確認表 part; custom duties go last unless told. */
  order: z.number().int().min(0).max(100_000).default(90_000),
});
export type TCustomDutyInput = z.infer<typeof ZCustomDutyInput>;

export const MAX_DUTIES_PER_REQUEST = 500;
/** Either copy duties from the current catalog, or add one custom duty. */
export const ZAddDutiesRequest = z.union([
  z.object({ catalogCodes: z.array(ZDutyCode).min(1).max(MAX_DUTIES_PER_REQUEST) }).strict(),
  z.object({ custom: ZCustomDutyInput }).strict(),
  /** From the caller's organization's own catalog (e.g. an imported official 確認表), keeping its order and official numbers. */
  z.object({ organizationCodes: z.array(ZDutyCode).min(1).max(MAX_DUTIES_PER_REQUEST) }).strict(),
]);
export type TAddDutiesRequest = z.infer<typeof ZAddDutiesRequest>;

/** Mark a duty not applicable (対象外, a reason is required) or reopen it. */
export const ZUpdateDutyRequest = z.object({
  version: ZVersion,
  notApplicable: z.boolean(),
  reason: z.string().max(LIMITS.short).optional(),
});
export type TUpdateDutyRequest = z.infer<typeof ZUpdateDutyRequest>;

/**
 * Edit a duty's wording or move it inside its 確認表 part (`order` is the sort key). Code, phase, category
 * and asset categories stay: they decide which cells exist.
 */
export const ZEditDutyRequest = z
  .object({
    version: ZVersion,
    title: ZDutyDefinition.shape.title.optional(),
    description: ZDutyDefinition.shape.description.optional(),
    order: ZDutyDefinition.shape.order.optional(),
  })
  .refine((b) => b.title !== undefined || b.description !== undefined || b.order !== undefined, 'send title, description or order');
export type TEditDutyRequest = z.infer<typeof ZEditDutyRequest>;

export const ZDutiesResponse = z.object({ duties: z.array(ZDuty) });
export const ZDutiesAddedResponse = z.object({ duties: z.array(ZDuty), cellsCreated: z.number().int().min(0) });
export const ZDutyUpdatedResponse = z.object({
  duty: ZDuty,
  /** Cells whose status changed (not agreed ones are never touched). */
  cellsChanged: z.number().int().min(0),
  /** Open proposals closed as withdrawn by the not-applicable marking. */
  proposalsWithdrawn: z.number().int().min(0),
});

/** カタログ更新: one duty a newer catalog version adds, changes or withdraws, with the catalog's reasons. */
export const ZCatalogUpgradeEntry = z.object({
  code: ZDutyCode,
  kind: z.enum(['added', 'changed', 'withdrawn']),
  /** The catalog version the engagement's copy came from; null for added duties. */
  fromVersion: z.string().max(40).nullable(),
  /** Changed fields (title, description, phase, category, appliesTo, concerns, kakuninhyoItem, references). */
  fields: z.array(z.string().max(40)).max(20),
  reasons: z.array(z.object({ version: z.string().max(40), reason: ZLocalized })).max(20),
  current: ZDutyDefinition.nullable(),
  proposed: ZDutyDefinition.nullable(),
  /** The engagement's duty (null for added duties). */
  dutyId: ZId.nullable(),
  /** A cell of the duty has an open proposal: adopting is refused until it is settled. */
  underNegotiation: z.boolean(),
  /** Agreed cells that adopting a change proposes again for re-acceptance. */
  agreedCells: z.number().int().min(0),
});
export const ZCatalogUpgradeResponse = z.object({ to: z.string().max(40), entries: z.array(ZCatalogUpgradeEntry) });
export type TCatalogUpgradeResponse = z.infer<typeof ZCatalogUpgradeResponse>;

export const ZAdoptCatalogUpgradeRequest = z.object({ dutyCodes: z.array(ZDutyCode).min(1).max(MAX_DUTIES_PER_REQUEST) });
export const ZAdoptCatalogUpgradeResponse = z.object({
  to: z.string().max(40),
  adopted: z.array(
    z.object({
      code: ZDutyCode,
      kind: z.enum(['added', 'changed', 'withdrawn']),
      cellsProposedAgain: z.number().int().min(0),
      cellsCreated: z.number().int().min(0),
    }),
  ),
});
export type TAdoptCatalogUpgradeResponse = z.infer<typeof ZAdoptCatalogUpgradeResponse>;
