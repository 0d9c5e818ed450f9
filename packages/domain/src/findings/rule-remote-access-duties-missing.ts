import type { TFinding } from './types.ts';
import { REMOTE_ACCESS_ASSET_CATEGORIES, type TAssetCategory, type TDutyConcern } from '../model/enums.ts';
import { makeFinding, type TFindingRule, type TScopedCell } from './context.ts';
import { CONCERN_LABELS, englishList } from './labels.ts';

/** What every way in from outside must have someone agreed on (§7.2.3, §10, §17). */
export const REMOTE_ACCESS_REQUIRED_CONCERNS = [
  'patch_management',
  'account_management',
  'log_management',
] as const satisfies readonly TDutyConcern[];

const isRemoteAccess = (c: TAssetCategory): boolean => (REMOTE_ACCESS_ASSET_CATEGORIES as readonly string[]).includes(c);

/**
 * リモートアクセス資産の必須項目: the 2021–2022 ransomware cases came in through
 * an unpatched VPN used for remote maintenance, so patching, accounts and logs
 * of such assets must each be agreed, on the asset or engagement-wide.
 */
export const remoteAccessDutiesMissingRule: TFindingRule = {
  code: 'remote_access_duties_missing',
  severity: 'blocking',
  severities: ['blocking'],
  description: {
    ja: 'VPN装置・リモート保守ソフトなど外部から接続する資産に、パッチ適用・アカウント管理・ログ管理の責任項目が合意されていない',
    en: 'A remote-access asset (VPN appliance, remote maintenance software) lacks an agreed patch, account or log management duty.',
  },
  run: (ctx) => {
    const wideCovered = new Set<TDutyConcern>();
    // Engagement-wide cells per required concern, so each asset looks up only what it misses.
    const wideByConcern = new Map<TDutyConcern, TScopedCell[]>();
    for (const sc of ctx.cells) {
      if (sc.cell.assetId !== null) continue;
      for (const c of sc.duty.concerns) {
        if (sc.cell.status === 'agreed') wideCovered.add(c);
        const list = wideByConcern.get(c);
        if (list) list.push(sc);
        else wideByConcern.set(c, [sc]);
      }
    }
    const out: TFinding[] = [];
    for (const asset of ctx.snapshot.assets) {
      if (!isRemoteAccess(asset.category)) continue;
      const cells = ctx.cellsByAsset.get(asset.id) ?? [];
      const covered = new Set(wideCovered);
      for (const sc of cells) if (sc.cell.status === 'agreed') for (const c of sc.duty.concerns) covered.add(c);
      const missing = REMOTE_ACCESS_REQUIRED_CONCERNS.filter((c) => !covered.has(c));
      if (missing.length === 0) continue;
      // Point at the cells that would close the gap once agreed.
      const open = [
        ...cells.filter((sc) => missing.some((c) => sc.duty.concerns.includes(c))),
        ...missing.flatMap((c) => wideByConcern.get(c) ?? []),
      ];
      out.push(
        makeFinding(
          'remote_access_duties_missing',
          'blocking',
          [asset.id],
          {
            cellIds: open.map((sc) => sc.cell.id),
            assetIds: [asset.id],
            partyIds: asset.ownerPartyId === null ? [] : [asset.ownerPartyId],
            dutyIds: open.map((sc) => sc.duty.id),
          },
          {
            ja: `外部から接続する資産「${asset.name}」について、${missing.map((c) => CONCERN_LABELS[c].ja).join('・')}の責任項目が合意されていません。${open.length > 0 ? '該当する分担を合意してください。' : '該当する責任項目を追加して合意してください。'}`,
            en: `Remote-access asset "${asset.name}" has no agreed duty for ${englishList(missing.map((c) => CONCERN_LABELS[c].en))}. ${open.length > 0 ? 'Agree the matching cells.' : 'Add such a duty and agree it.'}`,
          },
        ),
      );
    }
    return out;
  },
};
