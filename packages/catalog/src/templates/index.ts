import { deepFreeze } from '../freeze.ts';
import { cloudEhrSaas } from './cloud-ehr-saas.ts';
import { multiVendor } from './multi-vendor.ts';
import { onpremEhrVpn } from './onprem-ehr-vpn.ts';
import { ZCatalogTemplate } from './schema.ts';
import type { TCatalogTemplate, TCatalogTemplateInput } from './schema.ts';

/** The templates as written, before validation (tests check each one). */
export const rawCatalogTemplates: readonly TCatalogTemplateInput[] = [onpremEhrVpn, cloudEhrSaas, multiVendor];

/** The three engagement templates, validated (defaults filled in). */
export const catalogTemplates: readonly TCatalogTemplate[] = deepFreeze(
  rawCatalogTemplates.map((t) => ZCatalogTemplate.parse(t)),
);

const byCode = new Map(catalogTemplates.map((t) => [t.code, t]));

/** The template with this code, or undefined. */
export function getTemplate(code: string): TCatalogTemplate | undefined {
  return byCode.get(code);
}
