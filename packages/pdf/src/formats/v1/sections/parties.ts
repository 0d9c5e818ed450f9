import { PARTY_ROLE_LABELS } from '../labels.ts';
import { type TAnnexModel } from '../model.ts';
import type { TContact } from '@bunkai/domain';
import { COLORS, type Doc, drawTable, fitWidths, heading, paragraph, run, type TRow, writableWidth } from '../layout.ts';

const contactRow = (kind: string, c: TContact | null, emergency: boolean): TRow => {
  const values = c ? [c.name, c.phone || '—', c.email || '—', c.hours || '—'] : ['（未登録）', '', '', ''];
  return { kind: 'body', cells: [[run(kind, { bold: emergency, color: emergency ? COLORS.red : COLORS.text })], ...values.map((v) => [run(v)])] };
};

/** 当事者一覧 and 連絡体制 (normal and emergency contacts per party). */
export const drawParties = (doc: Doc, model: TAnnexModel, no: number, newPage: () => void): void => {
  const width = writableWidth(doc);
  heading(doc, `${no}. 当事者一覧`, 'Parties');
  const head = ['No.', '役割', '当事者名', '組織', '契約番号等'].map((t) => [run(t, { bold: true })]);
  const rows: TRow[] = model.parties.map((p, i) => ({
    kind: 'body',
    cells: [
      [run(String(i + 1))],
      [run(PARTY_ROLE_LABELS[p.role].ja)],
      [run(p.displayName, { bold: true })],
      [run(model.input.organizationNames[p.id] ?? '（未参加）')],
      [run(p.contractReference || '—')],
    ],
  }));
  drawTable(doc, { widths: fitWidths(width, [28, 90, null, null, null], [3, 3, 2]), header: head, rows, size: 8.5 }, newPage);

  doc.moveDown(0.5);
  heading(doc, `${no + 1}. 連絡体制`, 'Contacts');
  paragraph(doc, '平常時および緊急時（インシデント発生時等）の連絡先を示す。緊急時の連絡先は赤字で示す。', { size: 9, color: COLORS.muted });
  const contactHead = ['区分', '氏名・部署', '電話', 'メール', '対応時間'].map((t) => [run(t, { bold: true })]);
  const contactRows: TRow[] = model.parties.flatMap((p): TRow[] => [
    { kind: 'group', label: [run(`${p.displayName}（${PARTY_ROLE_LABELS[p.role].ja}）`, { bold: true })] },
    ...(p.normalContacts.length > 0 ? p.normalContacts : [null]).map((c) => contactRow('平常時', c, false)),
    ...(p.emergencyContacts.length > 0 ? p.emergencyContacts : [null]).map((c) => contactRow('緊急時', c, true)),
  ]);
  drawTable(doc, { widths: fitWidths(width, [50, null, 85, null, null], [3, 4, 3]), header: contactHead, rows: contactRows, size: 8.5 }, newPage);
};
