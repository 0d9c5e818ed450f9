import type { Paragraph, Table } from 'docx';
import type { TAsset } from '@bunkai/domain';
import type { TSectionContext } from '../annex-model.ts';
import type { TXmlTableSink } from '../deferred-tables.ts';
import { ASSET_CATEGORY_LABELS } from '../labels.ts';
import { fitWidths, PORTRAIT_WIDTH, SMALL } from '../table.ts';
import { COLORS, formatDateShort, heading, para, pt } from '../text.ts';
import { xCell, xPara, xRow, xRuns } from '../wordml.ts';

/**
 * 資産一覧 (format 3): every asset once, with the number (A01, A02, …) the responsibility table uses to say which
 * assets a row covers. A row standing for 24 terminals then reads 「端末 ×24：A12–A35」 on one line instead of
 * listing 24 names; the names are here, once. Written as text rows (wordml.ts), like the responsibility table.
 */
export const assetsSection = (ctx: TSectionContext, no: number, sink: TXmlTableSink): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const out: (Paragraph | Table)[] = [heading({ ja: `${no}. 資産一覧`, en: 'Assets' }, bilingual)];
  if (model.assets.length === 0) {
    out.push(para('（資産の登録なし：責任項目はすべて案件全体に係る）', { size: pt(9) }));
    return out;
  }
  out.push(para('責任分担表の「対象」欄は、以下の資産番号で対象資産を示す。', { size: pt(9), color: COLORS.muted }, { spacing: { after: 80 } }));
  const widths = fitWidths([600, null, 1300, null, null, 1150], [3, 2, 3], PORTRAIT_WIDTH);
  const w = (i: number): number => widths[i] ?? 0;
  const h = (ja: string, en: string): string => xRuns(ja, { bold: true }) + (bilingual ? xRuns(` ${en}`, { color: COLORS.muted }) : '');
  const owner = (a: TAsset): string => (a.ownerPartyId ? (model.partyById.get(a.ownerPartyId)?.displayName ?? '') : '');
  const head = xRow(
    [h('番号', 'No.'), h('資産名', 'Asset'), h('区分', 'Category'), h('所有者', 'Owner'), h('製造元・型番・版', 'Vendor / model / version'), h('サポート終了', 'End of support')]
      .map((runs, i) => xCell({ paras: xPara(runs) }, { width: w(i), fill: COLORS.headerFill }))
      .join(''),
    true,
  );
  out.push(
    sink(widths, function* () {
      yield head;
      for (const a of model.assets) {
        yield xRow(
          xCell({ runs: xRuns(model.assetNumbers.get(a.id) ?? '', { bold: true }) }, { width: w(0) }) +
            xCell({ runs: xRuns(a.name) }, { width: w(1) }) +
            xCell({ runs: xRuns(ASSET_CATEGORY_LABELS[a.category].ja) }, { width: w(2) }) +
            xCell({ runs: xRuns(owner(a)) }, { width: w(3), size: SMALL }) +
            xCell({ runs: xRuns([a.vendor, a.model, a.assetVersion].filter(Boolean).join(' ／ ')) }, { width: w(4), size: SMALL }) +
            xCell({ runs: xRuns(a.supportEndsOn ? formatDateShort(a.supportEndsOn) : '—') }, { width: w(5) }),
        );
      }
    }),
  );
  return out;
};
