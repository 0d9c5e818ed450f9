import { ZDutyDefinition } from '@bunkai/domain';
import type { TDutyDefinition } from '@bunkai/domain';
import { deepFreeze } from '../freeze.ts';
import { accessDuties } from './access.ts';
import { assetDuties } from './assets.ts';
import { backupLoggingDuties } from './backup-logging.ts';
import { coordinationDuties } from './coordination.ts';
import { contractEndDuties, dataDuties } from './data.ts';
import { governanceDuties } from './governance.ts';
import { continuityDuties, incidentDuties } from './incident.ts';
import { externalAccessDuties } from './external-access.ts';
import { networkDuties } from './network.ts';
import { recordDuties } from './records.ts';
import { remoteDuties } from './remote.ts';
import type { TDutyInput } from './shared.ts';
import { vulnerabilityDuties } from './vulnerability.ts';

/** The catalog as written, before validation (tests check each entry). */
export const rawCatalogDuties: readonly TDutyInput[] = [
  ...governanceDuties,
  ...coordinationDuties,
  ...assetDuties,
  ...vulnerabilityDuties,
  ...accessDuties,
  ...remoteDuties,
  ...networkDuties,
  ...backupLoggingDuties,
  ...incidentDuties,
  ...continuityDuties,
  ...dataDuties,
  ...contractEndDuties,
  ...externalAccessDuties,
  ...recordDuties,
];

/** Catalog order (its own grouping, not the official 確認表 order): part, then `order`, then code. */
export function compareDuties(
  a: Pick<TDutyDefinition, 'code' | 'kakuninhyoPart' | 'order'>,
  b: Pick<TDutyDefinition, 'code' | 'kakuninhyoPart' | 'order'>,
): number {
  return a.kakuninhyoPart - b.kakuninhyoPart || a.order - b.order || a.code.localeCompare(b.code);
}

/** Every duty of the current catalog version, validated, sorted by part then order, and frozen. */
export const catalogDuties: readonly TDutyDefinition[] = deepFreeze(
  rawCatalogDuties.map((d) => ZDutyDefinition.parse(d)).sort(compareDuties),
);

const byCode = new Map(catalogDuties.map((d) => [d.code, d]));

/** The catalog duty with this code, or undefined. */
export function getDuty(code: string): TDutyDefinition | undefined {
  return byCode.get(code);
}
