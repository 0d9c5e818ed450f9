import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { Table, TableRow } from 'docx';
import QRCode from 'qrcode';
import type { TAnnexModel, TSectionContext } from '../annex-model.ts';
import { PARTY_ROLE_LABELS } from '../labels.ts';
import { PROPERTY_NAMES } from '../properties.ts';
import { bodyRow, cell, groupRow, keyValueTable, PORTRAIT_WIDTH, table } from '../table.ts';
import { COLORS, FONTS, formatJst, heading, para, pt, runs } from '../text.ts';

const SIZE = pt(8.5);
const AUTH_LABELS: Record<string, string> = {
  password: 'パスワード再入力',
  'password+totp': 'パスワード再入力＋TOTP（ワンタイムコード）',
  'password+recovery_code': 'パスワード再入力＋リカバリーコード',
};

/** Loopback and unnamed hosts are never printed: a reader could not reach them (production requires PUBLIC_URL). */
export const printableVerifyUrl = (url: string | undefined): string | null => {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i.test(host) || host.endsWith('.localhost') ? null : url;
  } catch {
    return null;
  }
};

/** A QR code (PNG) of the verify URL; built before the document, since encoding is asynchronous. */
export const verifyQrPng = async (url: string | null): Promise<Buffer | null> =>
  url ? QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240, color: { dark: '#000000', light: '#ffffff' } }) : null;

const partyRows = (model: TAnnexModel, sha256: string | null): TableRow[] => {
  const w = [2200, PORTRAIT_WIDTH - 2200] as const;
  const kv = (k: string, v: string, mono = false) =>
    bodyRow([cell(runs(k, { bold: true, size: SIZE }), { width: w[0], fill: COLORS.groupFill }), cell(runs(v, mono ? { font: FONTS.mono, size: pt(7.5) } : { size: SIZE }), { width: w[1] })]);
  return model.signingParties.flatMap((p) => {
    const s = model.signatureByParty.get(p.id);
    const label = model.partyLabels.get(p.id);
    const title = `${label?.designation ? `${label.designation}\u3000` : ''}${p.displayName}（${PARTY_ROLE_LABELS[p.role].ja}）`;
    const head = groupRow(runs(title, { bold: true, size: pt(9) }), [...w]);
    if (!s) return [head, kv('署名', '未署名')];
    return [
      head,
      kv('組織', s.organizationName),
      kv('署名者', s.signerName),
      kv('署名日時（日本時間）', formatJst(s.signedAt)),
      kv('本人確認の方法', AUTH_LABELS[s.authentication ?? ''] ?? (s.authentication ? s.authentication : '記録なし（この機能より前の署名）')),
      kv('接続元アドレス', s.ip || '記録なし'),
      kv('利用環境（User-Agent）', s.userAgent || '記録なし'),
      kv('封印（seal, SHA-256）', s.seal, true),
      ...(sha256 !== null && s.revisionSha256 !== sha256 ? [kv('注意', '本版とは異なるハッシュ値に対する署名')] : []),
    ];
  });
};

/**
 * 署名証明書: per signature the party, organization, signer, JST time, authentication used, client address and user
 * agent recorded at signing, and seal; the revision hash; a QR code to the 検証 page; and exactly what
 * verification checks.
 */
export const certificateSection = (ctx: TSectionContext, no: number, qr: Buffer | null): (Paragraph | Table)[] => {
  const { model, bilingual } = ctx;
  const { revision, engagement } = model.input;
  const sha256 = revision?.sha256 ?? null;
  const url = printableVerifyUrl(model.input.verifyUrl);
  const out: (Paragraph | Table)[] = [
    heading({ ja: `${no}. 署名証明書`, en: 'Signing certificate' }, bilingual),
    para(
      sha256
        ? '各当事者の署名者は、下記の版およびSHA-256ハッシュ値で特定される内容に同意し、Bunkai上で再認証のうえ署名した。以下は署名時にBunkaiが記録した事項である。'
        : '本書は草案であり、凍結・署名されていない。内容は変更される可能性がある。',
      { size: pt(9.5) },
      { spacing: { after: 120 } },
    ),
    keyValueTable(
      [
        [runs('案件ID', { bold: true, size: SIZE }), runs(engagement.id, { font: FONTS.mono, size: pt(8) })],
        [runs('版', { bold: true, size: SIZE }), runs(revision ? `第${revision.number}版` : '未凍結（草案）', { size: SIZE })],
        [runs('版のSHA-256', { bold: true, size: SIZE }), runs(sha256 ?? '—', { font: FONTS.mono, size: pt(8) })],
      ],
      [2200, PORTRAIT_WIDTH - 2200],
    ),
    para('', {}, { spacing: { after: 120 } }),
    table(partyRows(model, sha256), [2200, PORTRAIT_WIDTH - 2200]),
    heading({ ja: '検証の方法と検証される事項', en: 'How to verify, and what is checked' }, bilingual, 2),
  ];
  if (qr && url)
    out.push(
      new Paragraph({ alignment: AlignmentType.LEFT, children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 96, height: 96 }, altText: { name: 'QR', title: '検証ページ', description: url } })] }),
      para(url, { font: FONTS.mono, size: pt(8.5) }),
    );
  out.push(
    para(
      `Bunkaiの「検証」ページ${url ? '（上記QRコードのURL）' : ''}に本ファイル（.docx）または版のJSONをアップロードするか、API（POST /api/v1/verify）に送信すると、次の事項が確認される。` +
        `(1) 本文書のカスタムプロパティ（${PROPERTY_NAMES.revisionSha256}）の版ハッシュ値が、閲覧権限のある版のものであること。` +
        `(2) その版の別紙をサーバーが本文書の書式版（${PROPERTY_NAMES.annexFormat}）で再生成し、バイト列が一致するか（完全一致）、` +
        'または表ごと・セルごとの表示文字列が空白・レイアウトの違いを除き一致するか（内容一致）。一致しない場合は最初の相違箇所（章・項番・列・本来の記載・本文書の記載）が示される。' +
        '署名証明書、表紙の状態・効力・作成日は署名の進行に伴い変わるため比較しない（署名はサーバーの記録が示される）。' +
        '(3) 版の効力（締結済・現に有効／後の版により失効／未締結のまま失効／署名待ち）。(4) 各署名の封印の再計算結果。' +
        '封印（seal）は、版のハッシュ値・当事者・署名者・署名日時・同意文言・接続元アドレス・利用環境に対するSHA-256ハッシュ値である。',
      { size: pt(9) },
    ),
  );
  return out;
};
