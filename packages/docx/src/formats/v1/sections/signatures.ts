import type { Paragraph, Table, TableRow } from 'docx';
import type { TSectionContext } from '../annex-model.ts';
import { PARTY_ROLE_LABELS } from '../labels.ts';
import { PROPERTY_NAMES } from '../../../properties.ts';
import { bodyRow, cell, cellPara, fitWidths, headerRow, keyValueTable, PORTRAIT_WIDTH, table } from '../table.ts';
import { COLORS, FONTS, formatJst, heading, para, pt, runs } from '../text.ts';

const SIZE = pt(8.5);

/** 「2025年4月5日 10:00:00 JST」 → [「2025年4月5日」, 「10:00:00 JST」]. */
const splitDateTime = (text: string): string[] => {
  const i = text.indexOf(' ');
  return i < 0 ? [text] : [text.slice(0, i), text.slice(i + 1)];
};

const signatureRows = ({ model }: TSectionContext, widths: number[], sha256: string | null): TableRow[] =>
  model.signingParties.map((p) => {
    const s = model.signatureByParty.get(p.id);
    const w = (i: number): number => widths[i] ?? 0;
    const party = [
      cellPara(runs(p.displayName, { bold: true, size: SIZE })),
      cellPara(runs(PARTY_ROLE_LABELS[p.role].ja, { size: pt(7.5), color: COLORS.muted })),
    ];
    if (!s) {
      return bodyRow([
        cell(party, { width: w(0) }),
        cell(runs('未署名', { size: SIZE, color: 'B00020', bold: true }), { width: w(1) + w(2) + w(3), span: 3 }),
      ]);
    }
    const mismatch = sha256 !== null && s.revisionSha256 !== sha256;
    const signer = [
      cellPara(runs(s.signerName, { size: SIZE, bold: true })),
      cellPara(runs(s.organizationName, { size: pt(7.5) })),
    ];
    const when = [
      // Date and time on their own lines: the column is too narrow for both, and a wrap before 「JST」 reads badly.
      ...splitDateTime(formatJst(s.signedAt)).map((line) => cellPara(runs(line, { size: SIZE }))),
      ...(mismatch ? [cellPara(runs('※本版とは異なるハッシュへの署名', { size: pt(7.5), color: 'B00020' }))] : []),
    ];
    return bodyRow([
      cell(party, { width: w(0) }),
      cell(signer, { width: w(1) }),
      cell(when, { width: w(2) }),
      cell(runs(s.seal, { size: pt(6.5), font: FONTS.mono }), { width: w(3) }),
    ]);
  });

/** 署名: who signed which hash when, and how a reader verifies this file. */
export const signaturesSection = (ctx: TSectionContext, no: number): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const { revision, engagement, verifyUrl } = model.input;
  const sha256 = revision?.sha256 ?? null;
  const widths = fitWidths([null, null, 2300, 2900], [1, 1], PORTRAIT_WIDTH);
  const head = ['当事者', '署名者・組織', '署名日時（日本時間）', '封印（seal）'].map((t) => runs(t, { bold: true, size: SIZE }));
  const verifyAt = verifyUrl ? `（${verifyUrl}）` : '';
  return [
    heading({ ja: `${no}. 署名`, en: 'Signatures' }, bilingual),
    para(
      sha256
        ? `各当事者の署名者は、下記の版およびSHA-256ハッシュ値で特定される内容に同意し、署名した。`
        : '本書は草案であり、凍結・署名されていない。内容は変更される可能性がある。',
      { size: pt(9.5) },
      { spacing: { after: 120 } },
    ),
    keyValueTable(
      [
        [runs('案件ID', { bold: true, size: SIZE }), runs(engagement.id, { font: FONTS.mono, size: pt(8) })],
        [runs('版', { bold: true, size: SIZE }), runs(revision ? `第${revision.number}版` : '未凍結（草案）', { size: SIZE })],
        [runs('SHA-256', { bold: true, size: SIZE }), runs(sha256 ?? '—', { font: FONTS.mono, size: pt(8) })],
      ],
      [1800, PORTRAIT_WIDTH - 1800],
    ),
    para('', {}, { spacing: { after: 120 } }),
    table([headerRow(head, widths), ...signatureRows(ctx, widths, sha256)], widths),
    heading({ ja: '検証方法', en: 'How to verify' }, bilingual, 2),
    para(
      `本書が署名された版と一致するかは、Bunkaiの「検証」ページ${verifyAt}に本ファイルまたは版のJSONをアップロードするか、` +
        'API（POST /api/v1/verify）に送信して確認できる。版のハッシュ値は本文書のカスタムプロパティ' +
        `（${PROPERTY_NAMES.revisionSha256}、${PROPERTY_NAMES.engagementId}、${PROPERTY_NAMES.revisionNumber}）にも記録されている。` +
        '署名の封印（seal）は、版のハッシュ値・当事者・署名者・署名日時・同意文言に対するハッシュ値である。',
      { size: pt(9) },
    ),
  ];
};
