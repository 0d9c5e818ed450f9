import { ANNEX_STATUS_LABELS, DOCUMENT_TITLE, PARTY_ROLE_LABELS, PROVISION_PATTERN_LABELS, RACI_LABELS, SERVICE_MODEL_LABELS, type TAnnexModel } from '@bunkai/docx';
import { RACI_ROLES, standingLabel } from '@bunkai/domain';
import { FONT } from '../fonts.ts';
import { formatDateJa, formatJst, withEra } from '../format.ts';
import { COLORS, type Doc, drawTable, paragraph, run, type TRow, writableWidth } from '../layout.ts';

/** An entry of the table of contents (目次) printed on the cover. */
export type TTocEntry = { no: string; ja: string; en: string };

/** Which document prevails (優先関係), worded as on the .docx cover. */
const PREVAILS = {
  main_contract: '本別紙と主契約の定めが抵触する場合は、主契約の定めが優先する。',
  annex: '本別紙と主契約の定めが抵触する場合は、責任分界に関する事項について本別紙の定めが優先する。',
} as const;

/** 表紙: what this document is, the main contract (主契約) it belongs to, its revision, standing (版の効力) and status, and the contents. */
/** `inlineToc` (format 3): the 目次 as one paragraph, so the cover of seven sections stays on one page. */
export const drawCover = (doc: Doc, model: TAnnexModel, toc: readonly TTocEntry[], newPage: () => void, inlineToc = false): void => {
  const { engagement, revision, generatedOn } = model.input;
  const contract = engagement.contract ?? null;
  const date = (d: string) => withEra(formatDateJa(d), d, contract?.japaneseEraDates ?? false);
  const standing = revision?.standing ? standingLabel(revision.standing) : null;
  const status = ANNEX_STATUS_LABELS[model.status];
  const hash = revision?.sha256 ?? null;
  const width = writableWidth(doc);
  doc.y = 56;
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
  const designated = model.parties.filter((p) => model.partyLabels.get(p.id)?.designation);
  const contractRows: TRow[] = contract
    ? [
        kv('契約名', 'Main contract', contract.title),
        kv('契約番号', 'Contract No.', contract.number || '—'),
        kv('契約日', 'Contract date', contract.date ? date(contract.date) : '—'),
        ...(designated.length
          ? [kv('当事者の表示', 'Designations', designated.map((p) => `${model.partyLabels.get(p.id)!.designation}：${model.input.organizationNames[p.id] ?? p.displayName}（${PARTY_ROLE_LABELS[p.role].ja}）`).join('\n'), { size: 9.5 })]
          : []),
        kv('優先関係', 'Precedence', PREVAILS[contract.prevails], { size: 9.5 }),
      ]
    : [kv('主契約', 'Main contract', '（未登録：案件設定で契約名・契約番号・契約日を登録すると表示される）', { size: 9.5 })];
  const rows: TRow[] = [
    kv('案件名', 'Engagement', engagement.title),
    ...contractRows,
    kv('医療機関', 'Hospital', engagement.hospitalName),
    kv('対象システム', 'System', engagement.systemName),
    kv('サービス形態', 'Service model', SERVICE_MODEL_LABELS[engagement.serviceModel].ja),
    kv('提供形態', 'Provision', PROVISION_PATTERN_LABELS[engagement.provisionPattern].ja),
    kv('版', 'Revision', revision ? `第${revision.number}版${revision.number > 1 ? `（第${revision.number - 1}版に代わる）` : ''}` : '未凍結（草案）'),
    kv('SHA-256', 'Revision hash', hash ?? '—（凍結前のためハッシュなし）', { size: hash ? 8.5 : 10.5 }),
    kv('凍結日時', 'Frozen at', revision?.frozenAt ? formatJst(revision.frozenAt) : '—'),
    kv('状態', 'Status', `${status.ja}（${status.en}）`, { bold: true, color: model.status === 'executed' ? COLORS.green : COLORS.red }),
    ...(standing ? [kv('効力', 'Standing', `${standing.ja}（${standing.en}）`, { bold: true, color: revision?.standing?.kind === 'executed_current' ? COLORS.green : COLORS.red })] : []),
    kv('作成日', 'Generated on', date(generatedOn)),
    kv('案件ID', 'Engagement ID', engagement.id, { size: 8.5 }),
  ];
  drawTable(doc, { widths: [130, width - 130], header: [], rows, size: 9.5 }, newPage);
  doc.moveDown(1);
  const supersession =
    revision && revision.number > 1
      ? `本別紙第${revision.number}版は、締結された時点で第${revision.number - 1}版以前の版に代わり、以後はこの版が当事者間の責任分界を定める。`
      : '本別紙の内容を変更するときは新たな版を作成し、全当事者の署名により締結された新しい版が従前の版に代わる。';
  paragraph(
    doc,
    `本書は、${contract ? `上記主契約「${contract.title}」の別紙として、` : ''}上記案件について医療機関および各事業者が合意した責任分界（役割分担）を記載したものである。` +
      '項目の区分（Part1・Part2）は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の区分に倣うが、' +
      '項目・項番・並び順は本システムの責任項目カタログによるもので、確認表の項番は確認できた項目に限り示す。' +
      `本書の内容は上記の版およびSHA-256ハッシュ値により特定される。${supersession}本PDFはBunkaiの電子署名（PAdES）で封印されている。`,
  );
  paragraph(doc, `役割の凡例：${RACI_ROLES.map((r) => `${r} ${RACI_LABELS[r].ja}`).join('\u3000／\u3000')}`, { bold: true, size: 9.5 });
  paragraph(
    doc,
    'R（実施）は作業を行う者、A（責任）は結果に最終的な責任を負う者（各項目に1者）、' +
      'C（協議）は事前に協議を受ける者、I（報告）は結果の報告を受ける者を示す。' +
      '「初回確認」は初回協議時点で確認できたか（はい・いいえ）とその日付、「完了日」は後日確認が完了した日を示す。',
    { size: 9, color: COLORS.muted },
  );
  if (toc.length && inlineToc) {
    paragraph(doc, '目次', { bold: true, size: 10.5, gap: 2 });
    paragraph(doc, toc.map((e) => `${e.no}\u2002${e.ja}（${e.en}）`).join('\u3000'), { size: 9.5, gap: 1 });
  } else if (toc.length) {
    paragraph(doc, '目次', { bold: true, size: 10.5, gap: 2 });
    for (const e of toc) paragraph(doc, `${e.no}\u3000${e.ja}\u3000${e.en}`, { size: 9.5, gap: 1 });
  }
};
