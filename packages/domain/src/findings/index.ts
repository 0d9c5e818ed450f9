/**
 * The findings engine (指摘): runs every rule over one engagement snapshot.
 * Freezing a revision (版) is refused while a blocking finding remains.
 */
import type { TEngagementSnapshot } from '../model/snapshot.ts';
import type { TFindingSeverity } from '../model/enums.ts';
import { FINDING_CODES, type TFinding, type TFindingCode, type TFindingRuleInfo } from './types.ts';
import { buildFindingContext, type TFindingRule } from './context.ts';
import { unassignedRule } from './rule-unassigned.ts';
import { noAccountableRule } from './rule-no-accountable.ts';
import { multipleAccountableRule } from './rule-multiple-accountable.ts';
import { noResponsibleRule } from './rule-no-responsible.ts';
import { ownerWithoutRoleRule } from './rule-owner-without-role.ts';
import { eosWithoutReplacementRule } from './rule-eos-without-replacement.ts';
import { emergencyContactMissingRule } from './rule-emergency-contact-missing.ts';
import { remoteAccessDutiesMissingRule } from './rule-remote-access-duties-missing.ts';
import { interVendorCoordinationMissingRule } from './rule-inter-vendor-coordination-missing.ts';
import { deadlineOverdueRule } from './rule-deadline-overdue.ts';

export * from './types.ts';
export { buildFindingContext, type TFindingContext, type TScopedCell } from './context.ts';
export { dayNumber, daysBetween } from './dates.ts';
export { EOS_WARNING_DAYS } from './rule-eos-without-replacement.ts';
export { REMOTE_ACCESS_REQUIRED_CONCERNS } from './rule-remote-access-duties-missing.ts';
export { CONCERN_LABELS } from './labels.ts';

/** Fixed run order; FINDING_CODES lists the same codes in the same order. */
const RULES: readonly TFindingRule[] = [
  unassignedRule,
  noAccountableRule,
  multipleAccountableRule,
  noResponsibleRule,
  ownerWithoutRoleRule,
  eosWithoutReplacementRule,
  emergencyContactMissingRule,
  remoteAccessDutiesMissingRule,
  interVendorCoordinationMissingRule,
  deadlineOverdueRule,
];

/** Legend of the rules, in run order. */
export const FINDING_RULES: readonly TFindingRuleInfo[] = RULES.map(({ code, severity, severities, description }) => ({
  code,
  severity,
  severities,
  description,
}));

const SEVERITY_RANK: Record<TFindingSeverity, number> = { blocking: 0, warning: 1 };
const CODE_RANK = new Map<TFindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));

/**
 * Blocking first, then by rule (FINDING_CODES order, i.e. run order, so the
 * list reads from single cells up to the whole engagement), then by id, which
 * starts with the first subject id.
 */
export const compareFindings = (a: TFinding, b: TFinding): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  (CODE_RANK.get(a.code) ?? 0) - (CODE_RANK.get(b.code) ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** All findings of the snapshot, sorted by `compareFindings`. O(cells + assets + parties). */
export const computeFindings = (snapshot: TEngagementSnapshot): TFinding[] => {
  const ctx = buildFindingContext(snapshot);
  return RULES.flatMap((rule) => rule.run(ctx)).sort(compareFindings);
};

export const hasBlockingFindings = (findings: readonly TFinding[]): boolean =>
  findings.some((f) => f.severity === 'blocking');

/** Count per severity, for badges and the annex summary. */
export const countFindings = (findings: readonly TFinding[]): Record<TFindingSeverity, number> => {
  const counts: Record<TFindingSeverity, number> = { blocking: 0, warning: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
};
