import type { Paragraph, Table } from 'docx';
import type { TAsset } from '@bunkai/domain';
import type { TSectionContext } from '../annex-model.ts';
import { ASSET_CATEGORY_LABELS } from '../labels.ts';
import { bodyRow, cell, eagerTable, fitWidths, headerRow, PORTRAIT_WIDTH, SMALL } from '../table.ts';
import type { TRowFactory } from '../table.ts';
import { COLORS, formatDateShort, heading, labelRuns, para, pt, runs } from '../text.ts';

/**
 * 資産一覧 (format 3): every asset once, with the number (A01, A02, …) the responsibility table uses to say which
 * assets a row covers. A row standing for 24 terminals then reads 「端末 ×24：A12–A35」 on one line instead of
 * listing 24 names; the names are here, once.
 */
export const assetsSection = (ctx: TSectionContext, no: number): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const out: (Paragraph | Table)[] = [heading({ ja: `${no}. 資産一覧`, en: 'Assets' }, bilingual)];
  if (model.assets.length === 0) {
    out.push(para('（資産の登録なし：責任項目はすべて案件全体に係る）', { size: pt(9) }));
    return out;
  }
  out.push(para('責任分担表の「対象」欄は、以下の資産番号で対象資産を示す。', { size: pt(9), color: COLORS.muted }, { spacing: { after: 80 } }));
  const widths = fitWidths([600, null, 1300, null, null, 1150], [3, 2, 3], PORTRAIT_WIDTH);
  const size = 15;
  const h = (ja: string, en: string) => labelRuns({ ja, en }, bilingual, { bold: true });
  const owner = (a: TAsset): string => (a.ownerPartyId ? (model.partyById.get(a.ownerPartyId)?.displayName ?? '') : '');
  const rows: TRowFactory[] = [
    () => headerRow([h('番号', 'No.'), h('資産名', 'Asset'), h('区分', 'Category'), h('所有者', 'Owner'), h('製造元・型番・版', 'Vendor / model / version'), h('サポート終了', 'End of support')], widths, size),
    ...model.assets.map((a): TRowFactory => () =>
      bodyRow([
        cell(runs(model.assetNumbers.get(a.id) ?? '', { bold: true }), { width: widths[0] ?? 0, size }),
        cell(runs(a.name), { width: widths[1] ?? 0, size }),
        cell(runs(ASSET_CATEGORY_LABELS[a.category].ja), { width: widths[2] ?? 0, size }),
        cell(runs(owner(a)), { width: widths[3] ?? 0, size: SMALL }),
        cell(runs([a.vendor, a.model, a.assetVersion].filter(Boolean).join(' ／ ')), { width: widths[4] ?? 0, size: SMALL }),
        cell(runs(a.supportEndsOn ? formatDateShort(a.supportEndsOn) : '—'), { width: widths[5] ?? 0, size }),
      ]),
    ),
  ];
  out.push((ctx.table ?? eagerTable)(rows, widths));
  return out;
};
