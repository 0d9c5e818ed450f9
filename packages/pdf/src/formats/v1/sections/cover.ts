import { ANNEX_STATUS_LABELS, DOCUMENT_TITLE, PROVISION_PATTERN_LABELS, RACI_LABELS, SERVICE_MODEL_LABELS } from '../labels.ts';
import { type TAnnexModel } from '../model.ts';
import { RACI_ROLES } from '@bunkai/domain';
import { FONT } from '../../../fonts.ts';
import { formatDateJa, formatJst } from '../format.ts';
import { COLORS, type Doc, drawTable, paragraph, run, type TRow, writableWidth } from '../layout.ts';

/** 表紙: what this document is, for which engagement and revision, and its status. */
export const drawCover = (doc: Doc, model: TAnnexModel, newPage: () => void): void => {
  const { engagement, revision, generatedOn } = model.input;
  const status = ANNEX_STATUS_LABELS[model.status];
  const hash = revision?.sha256 ?? null;
  const width = writableWidth(doc);
  doc.y = 130;
  doc.font(FONT.bold).fontSize(20).text(DOCUMENT_TITLE.ja, doc.page.margins.left, doc.y, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(11).fillColor(COLORS.muted).text(DOCUMENT_TITLE.en, { width, align: 'center' });
  doc.fillColor(COLORS.text).moveDown(1.2);
  doc.fontSize(14).text(engagement.title, { width, align: 'center' });
  doc.moveDown(1.5);

  const kv = (ja: string, en: string, value: string, style: { size?: number; bold?: boolean; color?: string } = {}): TRow => ({
    kind: 'body',
    cells: [
      [run(ja, { bold: true }), run(en, { size: 7, color: COLORS.muted })],
      [run(value, { size: style.size ?? 10.5, ...(style.bold ? { bold: true } : {}), ...(style.color ? { color: style.color } : {}) })],
    ],
  });
  const rows: TRow[] = [
    kv('案件名', 'Engagement', engagement.title),
    kv('医療機関', 'Hospital', engagement.hospitalName),
    kv('対象システム', 'System', engagement.systemName),
    kv('サービス形態', 'Service model', SERVICE_MODEL_LABELS[engagement.serviceModel].ja),
    kv('提供形態', 'Provision', PROVISION_PATTERN_LABELS[engagement.provisionPattern].ja),
    kv('版', 'Revision', revision ? `第${revision.number}版` : '未凍結（草案）'),
    kv('SHA-256', 'Revision hash', hash ?? '—（凍結前のためハッシュなし）', { size: hash ? 8.5 : 10.5 }),
    kv('凍結日時', 'Frozen at', revision?.frozenAt ? formatJst(revision.frozenAt) : '—'),
    kv('状態', 'Status', `${status.ja}（${status.en}）`, { bold: true, color: model.status === 'executed' ? COLORS.green : COLORS.red }),
    kv('作成日', 'Generated on', formatDateJa(generatedOn)),
    kv('案件ID', 'Engagement ID', engagement.id, { size: 8.5 }),
  ];
  drawTable(doc, { widths: [130, width - 130], header: [], rows, size: 9.5 }, newPage);
  doc.moveDown(1);
  paragraph(
    doc,
    '本書は、上記案件について医療機関および各事業者が合意した責任分界（役割分担）を、' +
      '「医療情報システムの契約における当事者間の役割分担等に関する確認表」の順序に従って記載した契約の別紙である。' +
      '本書の内容は上記の版およびSHA-256ハッシュ値により特定される。本PDFはBunkaiの電子署名（PAdES）で封印されている。',
  );
  paragraph(doc, `役割の凡例：${RACI_ROLES.map((r) => `${r} ${RACI_LABELS[r].ja}`).join('　／　')}`, { bold: true, size: 9.5 });
  paragraph(
    doc,
    'R（実施）は作業を行う者、A（責任）は結果に最終的な責任を負う者（各項目に1者）、' +
      'C（協議）は事前に協議を受ける者、I（報告）は結果の報告を受ける者を示す。' +
      '「初回確認」は初回協議時点で確認できたか（はい・いいえ）とその日付、「完了日」は後日確認が完了した日を示す。',
    { size: 9, color: COLORS.muted },
  );
};
