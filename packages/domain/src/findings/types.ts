/**
 * Findings (指摘 / gap analysis): what the 確認表 workflow misses. Each rule
 * looks at one engagement snapshot and reports subjects a hospital IT lead
 * must act on; blocking findings refuse the freeze of a revision (版).
 */
import type { TFindingSeverity } from '../model/enums.ts';
import type { TLocalized } from '../model/primitives.ts';

/** In the order the rules run and the order findings of one severity are listed. */
export const FINDING_CODES = [
  'unassigned',
  'no_accountable',
  'multiple_accountable',
  'no_responsible',
  'owner_without_role',
  'eos_without_replacement',
  'emergency_contact_missing',
  'remote_access_duties_missing',
  'inter_vendor_coordination_missing',
  'deadline_overdue',
] as const;
export type TFindingCode = (typeof FINDING_CODES)[number];

export type TFinding = {
  /**
   * Stable link target: `${code}:${primary subject ids, sorted, joined by ","}`.
   * The primary subject is the cell for cell rules, the asset for asset rules,
   * the party for `emergency_contact_missing` and the engagement for
   * `inter_vendor_coordination_missing`, so the id survives unrelated edits.
   */
  id: string;
  code: TFindingCode;
  severity: TFindingSeverity;
  cellIds: string[];
  assetIds: string[];
  partyIds: string[];
  dutyIds: string[];
  message: TLocalized;
};

/** What a rule is, for legends and filters. */
export type TFindingRuleInfo = {
  code: TFindingCode;
  /** The most severe level the rule raises. */
  severity: TFindingSeverity;
  /** Every level it can raise (EoS is blocking when past, a warning when near). */
  severities: readonly TFindingSeverity[];
  description: TLocalized;
};
