import {
  ASSET_CATEGORIES,
  PARTY_ROLES,
  PROVISION_PATTERNS,
  SERVICE_MODELS,
  ZDutyCode,
  ZLocalized,
  ZName,
  ZRaciRole,
  ZShortText,
  ZTerms,
} from '@bunkai/domain';
import type { TRaciRole } from '@bunkai/domain';
import { z } from 'zod';
import { ZTemplateDate } from './dates.ts';

/** Key of a party or asset inside a template (becomes an id when the engagement is created). */
export const ZTemplateKey = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_-]*$/, 'template keys are lower-case letters, digits, hyphens and underscores');

/** A party placeholder; the real organization joins by invitation. */
export const ZTemplateParty = z.object({
  key: ZTemplateKey,
  role: z.enum(PARTY_ROLES),
  displayName: ZLocalized,
});
export type TTemplateParty = z.infer<typeof ZTemplateParty>;

export const ZTemplateAsset = z.object({
  key: ZTemplateKey,
  /** Japanese asset name as shown in the matrix. */
  name: ZName,
  category: z.enum(ASSET_CATEGORIES),
  /** 資産の所有者 (a party key); null when unknown. */
  ownerPartyKey: ZTemplateKey.nullable(),
  vendor: ZShortText,
  model: ZShortText,
  assetVersion: ZShortText,
  /** 保守・サポート終了日, relative to the engagement's creation day (see resolveTemplateDate). */
  supportEndsOn: ZTemplateDate.nullable(),
});
export type TTemplateAsset = z.infer<typeof ZTemplateAsset>;

/** Roles by party key (a template's parties have no ids yet). */
export const ZTemplateAssignment = z.record(ZTemplateKey, z.array(ZRaciRole).min(1).max(4));
export type TTemplateAssignment = z.infer<typeof ZTemplateAssignment>;

/**
 * A suggested split for a duty. Without `assetKey` it applies to every template
 * asset the duty applies to (or to the engagement-wide cell); with `assetKey` it
 * applies to that asset's cell only and takes precedence over the general one.
 */
export const ZTemplateSuggestion = z.object({
  dutyCode: ZDutyCode,
  assetKey: ZTemplateKey.optional(),
  assignment: ZTemplateAssignment,
  terms: ZTerms.optional(),
});
export type TTemplateSuggestion = z.infer<typeof ZTemplateSuggestion>;

/**
 * A cell the template leaves open on purpose, with the reason shown to the parties. Without
 * `assetKey` it covers every open cell of the duty.
 */
export const ZTemplateOpenCell = z.object({
  dutyCode: ZDutyCode,
  assetKey: ZTemplateKey.optional(),
  reason: ZLocalized,
});
export type TTemplateOpenCell = z.infer<typeof ZTemplateOpenCell>;

/** Problems with an assignment: exactly one A, at least one R, no repeated letter. */
export function assignmentProblems(assignment: Readonly<Record<string, readonly TRaciRole[]>>): string[] {
  const problems: string[] = [];
  const letters = Object.values(assignment).flat();
  const count = (r: TRaciRole) => letters.filter((l) => l === r).length;
  if (count('A') !== 1) problems.push(`needs exactly one A, has ${count('A')}`);
  if (count('R') < 1) problems.push('needs at least one R');
  for (const [key, roles] of Object.entries(assignment)) {
    if (new Set(roles).size !== roles.length) problems.push(`party ${key} repeats a role`);
  }
  return problems;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** 雛形: parties, assets, the duties copied and the suggested splits. */
export const ZCatalogTemplate = z
  .object({
    code: z.string().min(1).max(80).regex(/^[a-z][a-z0-9-]*$/),
    title: ZLocalized,
    description: ZLocalized,
    /** Default system name for the engagement (Japanese). */
    systemName: ZName,
    serviceModel: z.enum(SERVICE_MODELS),
    provisionPattern: z.enum(PROVISION_PATTERNS),
    parties: z.array(ZTemplateParty).min(2).max(20),
    assets: z.array(ZTemplateAsset).max(200),
    dutyCodes: z.array(ZDutyCode).min(1).max(1000),
    suggestions: z.array(ZTemplateSuggestion).max(5000),
    /** Duties shown first in the matrix and the annex, in this order (the gap the template is about). */
    leadingDutyCodes: z.array(ZDutyCode).max(20).default([]),
    /** Every cell left without a suggestion, and why. */
    openCells: z.array(ZTemplateOpenCell).max(500).default([]),
  })
  .superRefine((t, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const partyKeys = new Set(t.parties.map((p) => p.key));
    const assetKeys = new Set(t.assets.map((a) => a.key));
    const dutyCodes = new Set(t.dutyCodes);
    for (const k of duplicates(t.parties.map((p) => p.key))) issue(`duplicate party key ${k}`, ['parties']);
    for (const k of duplicates(t.assets.map((a) => a.key))) issue(`duplicate asset key ${k}`, ['assets']);
    for (const c of duplicates(t.dutyCodes)) issue(`duplicate duty code ${c}`, ['dutyCodes']);
    if (!t.parties.some((p) => p.role === 'hospital')) issue('a template needs a hospital party', ['parties']);
    t.assets.forEach((a, i) => {
      if (a.ownerPartyKey !== null && !partyKeys.has(a.ownerPartyKey)) {
        issue(`asset ${a.key}: unknown owner ${a.ownerPartyKey}`, ['assets', i, 'ownerPartyKey']);
      }
    });
    const targets = t.suggestions.map((s) => `${s.dutyCode} @ ${s.assetKey ?? '*'}`);
    for (const d of duplicates(targets)) issue(`duplicate suggestion ${d}`, ['suggestions']);
    for (const c of duplicates(t.leadingDutyCodes)) issue(`duplicate leading duty ${c}`, ['leadingDutyCodes']);
    t.leadingDutyCodes.forEach((c, i) => {
      if (!dutyCodes.has(c)) issue(`leading duty ${c}: duty not in dutyCodes`, ['leadingDutyCodes', i]);
    });
    for (const d of duplicates(t.openCells.map((o) => `${o.dutyCode} @ ${o.assetKey ?? '*'}`))) issue(`duplicate open cell ${d}`, ['openCells']);
    t.openCells.forEach((o, i) => {
      const at = `open cell ${o.dutyCode} @ ${o.assetKey ?? '*'}`;
      if (!dutyCodes.has(o.dutyCode)) issue(`${at}: duty not in dutyCodes`, ['openCells', i, 'dutyCode']);
      if (o.assetKey !== undefined && !assetKeys.has(o.assetKey)) issue(`${at}: unknown asset`, ['openCells', i, 'assetKey']);
    });
    t.suggestions.forEach((s, i) => {
      const at = `suggestion ${s.dutyCode} @ ${s.assetKey ?? '*'}`;
      if (!dutyCodes.has(s.dutyCode)) issue(`${at}: duty not in dutyCodes`, ['suggestions', i, 'dutyCode']);
      if (s.assetKey !== undefined && !assetKeys.has(s.assetKey)) issue(`${at}: unknown asset`, ['suggestions', i, 'assetKey']);
      for (const key of Object.keys(s.assignment)) {
        if (!partyKeys.has(key)) issue(`${at}: unknown party ${key}`, ['suggestions', i, 'assignment', key]);
      }
      for (const p of assignmentProblems(s.assignment)) issue(`${at}: ${p}`, ['suggestions', i, 'assignment']);
    });
  });
export type TCatalogTemplate = z.infer<typeof ZCatalogTemplate>;
export type TCatalogTemplateInput = z.input<typeof ZCatalogTemplate>;
