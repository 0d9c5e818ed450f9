import { ASSET_CATEGORY_LABELS, type TAnnexModel } from '@bunkai/docx';
import type { TAsset } from '@bunkai/domain';
import { formatDateShort } from '../format.ts';
import { COLORS, type Doc, drawTable, fitWidths, heading, paragraph, run, type TRow, writableWidth } from '../layout.ts';

/**
 * 資産一覧 (format 3): every asset once, with the number (A01, A02, …) the responsibility table uses to say which
 * assets a row covers, as in the .docx: a row standing for 24 terminals reads 「端末 ×24：A12–A35」.
 */
export const drawAssets = (doc: Doc, model: TAnnexModel, no: number, newPage: () => void): void => {
  doc.moveDown(0.5);
  heading(doc, `${no}. 資産一覧`, 'Assets');
  if (model.assets.length === 0) {
    paragraph(doc, '（資産の登録なし：責任項目はすべて案件全体に係る）', { size: 9 });
    return;
  }
  paragraph(doc, '責任分担表の「対象」欄は、以下の資産番号で対象資産を示す。', { size: 9, color: COLORS.muted });
  const owner = (a: TAsset): string => (a.ownerPartyId ? (model.partyById.get(a.ownerPartyId)?.displayName ?? '') : '');
  const header = ['番号', '資産名', '区分', '所有者', '製造元・型番・版', 'サポート終了'].map((t) => [run(t, { bold: true })]);
  const rows: TRow[] = model.assets.map((a) => ({
    kind: 'body',
    cells: [
      [run(model.assetNumbers.get(a.id) ?? '', { bold: true })],
      [run(a.name)],
      [run(ASSET_CATEGORY_LABELS[a.category].ja)],
      [run(owner(a), { size: 7.5 })],
      [run([a.vendor, a.model, a.assetVersion].filter(Boolean).join(' ／ '), { size: 7.5 })],
      [run(a.supportEndsOn ? formatDateShort(a.supportEndsOn) : '—')],
    ],
  }));
  drawTable(doc, { widths: fitWidths(writableWidth(doc), [30, null, 65, null, null, 58], [3, 2, 3]), header, rows, size: 8.5 }, newPage);
};
