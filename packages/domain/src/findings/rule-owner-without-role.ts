import type { TFinding } from './types.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { partyName } from './labels.ts';

/**
 * 資産の所有者に役割なし: the party that owns an asset (e.g. the vendor who
 * brought in the VPN box) takes no part in any duty on it — the classic
 * 「これは相手がやるだろう」 set-up.
 */
export const ownerWithoutRoleRule: TFindingRule = {
  code: 'owner_without_role',
  severity: 'warning',
  severities: ['warning'],
  description: {
    ja: '資産の所有者が、その資産のどの責任項目にも役割を持っていない',
    en: 'The owner of an asset holds no role on any duty for that asset.',
  },
  run: (ctx) => {
    const out: TFinding[] = [];
    for (const asset of ctx.snapshot.assets) {
      const owner = asset.ownerPartyId;
      if (owner === null) continue;
      const cells = ctx.cellsByAsset.get(asset.id);
      if (!cells || cells.length === 0) continue;
      if (cells.some((sc) => (sc.effective?.[owner] ?? []).length > 0)) continue;
      const name = partyName(ctx.partyById, owner);
      out.push(
        makeFinding(
          'owner_without_role',
          'warning',
          [asset.id],
          {
            cellIds: cells.map((sc) => sc.cell.id),
            assetIds: [asset.id],
            partyIds: [owner],
            dutyIds: cells.map((sc) => sc.duty.id),
          },
          {
            ja: `${name}は「${asset.name}」の所有者ですが、この資産の責任項目でいずれの役割（R・A・C・I）も持っていません。所有者が関与しなくてよいか確認してください。`,
            en: `${name} owns "${asset.name}" but holds no role (R, A, C or I) on any of its duties. Check that the owner really has no part in them.`,
          },
        ),
      );
    }
    return out;
  },
};
