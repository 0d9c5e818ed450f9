import type { TAssetCategory, ZDutyDefinition } from '@bunkai/domain';
import type { z } from 'zod';

/** A duty as written in the catalog data (before zod fills defaults). */
export type TDutyInput = z.input<typeof ZDutyDefinition>;

/** Hardware and software that reach end of support (EoS) and need patching. */
export const HW_SW: readonly TAssetCategory[] = [
  'vpn_appliance',
  'network_device',
  'server',
  'os',
  'application',
  'client_terminal',
  'remote_access_software',
  'medical_device',
];

/** Assets through which someone outside the hospital reaches in. */
export const REMOTE: readonly TAssetCategory[] = ['vpn_appliance', 'remote_access_software'];

/** Systems users log in to. */
export const SYSTEMS: readonly TAssetCategory[] = ['application', 'cloud_service'];

/** Copy a scope into the mutable array the schema expects. */
export const on = (...groups: (readonly TAssetCategory[] | TAssetCategory)[]): TAssetCategory[] => [
  ...new Set(groups.flatMap((g) => (typeof g === 'string' ? [g] : [...g]))),
];
