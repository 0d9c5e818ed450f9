import type { TFinding } from './types.ts';
import { makeFinding, sortedUnique, type TFindingRule } from './context.ts';
import { partyNames } from './labels.ts';

/**
 * 事業者間の連携: guideline 6.0 asks for the interfaces between vendors when a
 * hospital contracts several; without an agreed coordination duty each vendor
 * stops at its own boundary.
 */
export const interVendorCoordinationMissingRule: TFindingRule = {
  code: 'inter_vendor_coordination_missing',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: '複数の事業者が関わる案件で、事業者間の連携・調整の責任項目が合意されていない',
    en: 'Several vendors take part but no inter-vendor coordination duty is agreed.',
  },
  run: (ctx) => {
    const vendors = ctx.snapshot.parties.filter((p) => p.role !== 'hospital' && p.role !== 'observer');
    // Two parties of one organization (one company in two roles) are still one vendor.
    const distinct = new Set(vendors.map((p) => (p.organizationId === null ? `party:${p.id}` : `org:${p.organizationId}`)));
    if (distinct.size < 2) return [];
    const coordination = ctx.cells.filter((sc) => sc.duty.concerns.includes('inter_vendor_coordination'));
    if (coordination.some((sc) => sc.cell.status === 'agreed')) return [];
    const ids = sortedUnique(vendors.map((p) => p.id));
    const names = partyNames(ctx.partyById, ids);
    const finding: TFinding = makeFinding(
      'inter_vendor_coordination_missing',
      'blocking',
      [ctx.snapshot.engagement.id],
      {
        cellIds: coordination.map((sc) => sc.cell.id),
        assetIds: coordination.flatMap((sc) => (sc.asset ? [sc.asset.id] : [])),
        partyIds: ids,
        dutyIds: coordination.map((sc) => sc.duty.id),
      },
      {
        ja: `複数の事業者（${names.ja}）が関わる案件ですが、事業者間の連携・調整に関する責任項目が合意されていません。事業者間の窓口と情報連携の分担を決めてください。`,
        en: `Several vendors take part (${names.en}) but no inter-vendor coordination duty is agreed. Agree who coordinates between them.`,
      },
    );
    return [finding];
  },
};
