import type { TFinding } from './types.ts';
import type { TFindingSeverity } from '../model/enums.ts';
import { makeFinding, type TFindingRule } from './context.ts';
import { dayNumber } from './dates.ts';

/** How far ahead an approaching end of support is flagged (inclusive), in days. */
export const EOS_WARNING_DAYS = 180;

/**
 * サポート終了（EoS）: guideline §8.2 — an asset past or near its support end
 * with nobody having agreed to replace it stays unpatched in production.
 */
export const eosWithoutReplacementRule: TFindingRule = {
  code: 'eos_without_replacement',
  severity: 'blocking',
  severities: ['blocking', 'warning'],
  description: {
    ja: `サポート終了日を過ぎた（重大）、または${EOS_WARNING_DAYS}日以内に迎える（警告）資産に、更新・リプレースの責任項目が合意されていない`,
    en: `An asset past its end of support (blocking) or within ${EOS_WARNING_DAYS} days of it (warning) without an agreed replacement duty.`,
  },
  run: (ctx) => {
    const today = dayNumber(ctx.snapshot.today);
    const out: TFinding[] = [];
    for (const asset of ctx.snapshot.assets) {
      if (asset.supportEndsOn === null) continue;
      const daysLeft = dayNumber(asset.supportEndsOn) - today;
      if (daysLeft > EOS_WARNING_DAYS) continue;
      const replacementCells = (ctx.cellsByAsset.get(asset.id) ?? []).filter((sc) =>
        sc.duty.concerns.includes('eos_replacement'),
      );
      if (replacementCells.some((sc) => sc.cell.status === 'agreed')) continue;
      const severity: TFindingSeverity = daysLeft < 0 ? 'blocking' : 'warning';
      const date = asset.supportEndsOn;
      const message =
        daysLeft < 0
          ? {
              ja: `「${asset.name}」はサポート終了日（${date}）を過ぎていますが、更新・リプレースの責任項目が合意されていません。`,
              en: `"${asset.name}" reached end of support on ${date}, but no replacement duty is agreed for it.`,
            }
          : daysLeft === 0
            ? {
                ja: `「${asset.name}」は本日（${date}）サポート終了を迎えますが、更新・リプレースの責任項目が合意されていません。`,
                en: `"${asset.name}" reaches end of support today (${date}), but no replacement duty is agreed for it.`,
              }
            : {
                ja: `「${asset.name}」はサポート終了日（${date}）まであと${daysLeft}日ですが、更新・リプレースの責任項目が合意されていません。`,
                en: `"${asset.name}" reaches end of support on ${date} (in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}), but no replacement duty is agreed for it.`,
              };
      out.push(
        makeFinding(
          'eos_without_replacement',
          severity,
          [asset.id],
          {
            cellIds: replacementCells.map((sc) => sc.cell.id),
            assetIds: [asset.id],
            partyIds: asset.ownerPartyId === null ? [] : [asset.ownerPartyId],
            dutyIds: replacementCells.map((sc) => sc.duty.id),
          },
          message,
        ),
      );
    }
    return out;
  },
};
