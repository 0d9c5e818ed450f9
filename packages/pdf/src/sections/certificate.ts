import { PARTY_ROLE_LABELS, type TAnnexModel } from '@bunkai/docx';
import QRCode from 'qrcode';
import { FONT } from '../fonts.ts';
import { formatJst } from '../format.ts';
import { COLORS, type Doc, drawTable, heading, paragraph, run, type TRow, writableWidth } from '../layout.ts';
import type { TPdfAnnexExtras } from '../types.ts';

/** The QR code drawn as vector squares: exact at any zoom and the same bytes every time. */
const drawQr = (doc: Doc, text: string, x: number, y: number, size: number): void => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.save().rect(x, y, size, size).fill('#FFFFFF');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
  doc.fill().restore();
};

/**
 * 署名証明書 (signing certificate): per signing party who signed, when, how
 * they were authenticated and from where, with the seal; the revision hash,
 * the platform seal's certificate and a QR code to the 検証 page.
 */
export const drawCertificate = (doc: Doc, model: TAnnexModel, extras: TPdfAnnexExtras, no: number, newPage: () => void): void => {
  const { revision, engagement, verifyUrl } = model.input;
  const sha256 = revision?.sha256 ?? null;
  const width = writableWidth(doc);
  heading(doc, `${no}. 署名証明書`, 'Signing certificate');
  paragraph(
    doc,
    sha256
      ? '各当事者の署名者は、下記の版およびSHA-256ハッシュ値で特定される内容に同意し、Bunkai上で再認証のうえ署名した。署名の記録は次のとおりである。'
      : '本書は草案であり、凍結・署名されていない。内容は変更される可能性がある。',
  );
  const kv = (k: string, v: string, size = 9): TRow => ({ kind: 'body', cells: [[run(k, { bold: true })], [run(v, { size })]] });
  drawTable(
    doc,
    { widths: [110, width - 110], header: [], rows: [kv('案件ID', engagement.id, 8), kv('版', revision ? `第${revision.number}版` : '未凍結（草案）'), kv('版のSHA-256', sha256 ?? '—', 8)], size: 8.5 },
    newPage,
  );

  const rows: TRow[] = model.signingParties.flatMap((p): TRow[] => {
    const s = model.signatureByParty.get(p.id);
    const group: TRow = { kind: 'group', label: [run(`${p.displayName}（${PARTY_ROLE_LABELS[p.role].ja}）`, { bold: true })] };
    if (!s) return [group, { kind: 'body', cells: [[run('状態', { bold: true })], [run('未署名', { bold: true, color: COLORS.red })]] }];
    const ev = extras.evidence?.[s.seal];
    const mismatch = sha256 !== null && s.revisionSha256 !== sha256;
    return [
      group,
      kv('組織', s.organizationName || '—'),
      kv('署名者', s.signerName),
      kv('署名日時', formatJst(s.signedAt)),
      kv('認証方式', ev?.authentication ?? '記録なし'),
      kv('接続元IPアドレス', ev?.ip || '記録なし'),
      kv('ユーザーエージェント', ev?.userAgent || '記録なし', 7),
      kv('封印（seal）', s.seal, 7.5),
      ...(mismatch ? [kv('注意', '本版とは異なるハッシュ値への署名', 8)] : []),
    ];
  });
  doc.moveDown(0.5);
  drawTable(doc, { widths: [110, width - 110], header: [[run('項目', { bold: true })], [run('記録', { bold: true })]], rows, size: 8.5, keepGroups: true }, newPage);

  const qrSize = 96;
  if (doc.y + qrSize + 80 > doc.page.height - doc.page.margins.bottom) newPage();
  heading(doc, '検証方法', 'How to verify');
  const top = doc.y;
  if (verifyUrl) drawQr(doc, verifyUrl, doc.page.margins.left + width - qrSize, top, qrSize);
  const textWidth = width - (verifyUrl ? qrSize + 12 : 0);
  const seal = extras.seal;
  const lines = [
    `本PDFをBunkaiの「検証」ページ${verifyUrl ? `（${verifyUrl}、右のQRコード）` : ''}にアップロードすると、次の3点を確認する：` +
      '①プラットフォームの封印（現在の封印証明書、または証明書の更新前に使われていた封印証明書によるもの）が有効で、封印後の変更・追記がないこと、' +
      '②封印された文書情報の版のハッシュ値（BunkaiRevisionSha256）が閲覧権限のある版を指すこと、' +
      '③封印された内容が、本PDFに記録された書式（BunkaiAnnexFormat）の作成処理でその版からサーバーが生成する別紙と一致すること、' +
      'または本PDFに記録された作成元データのハッシュ値（BunkaiSourceSha256）がその版の現在のデータと一致すること。' +
      '後から署名が加わった版では、それ以前に取得した本PDFは「内容が異なる」と判定されるため、取得し直すこと。' +
      '版のハッシュ値はXMPメタデータにも記録されている。',
    '署名の封印（seal）は、版のハッシュ値・当事者・署名者・署名日時・同意文言に対するSHA-256ハッシュ値である。',
    seal
      ? `本PDFはプラットフォームの電子署名（PAdES、${seal.subFilter}）で封印されている。署名後に1バイトでも変更されると、PDF閲覧ソフトの署名パネルに改変が表示される。` +
        `封印証明書：${seal.subject}（SHA-256 指紋 ${seal.fingerprint}）`
      : '本PDFは封印されていない。',
  ];
  doc.font(FONT.regular).fontSize(8.5);
  for (const line of lines) {
    doc.text(line, doc.page.margins.left, doc.y, { width: textWidth, lineGap: 1 });
    doc.y += 4;
  }
  doc.y = Math.max(doc.y, top + qrSize + 6);
};
