import type { Paragraph, Table, TextRun } from 'docx';
import type { TContact, TParty } from '@bunkai/domain';
import type { TAnnexModel, TSectionContext } from '../annex-model.ts';
import { PARTY_ROLE_LABELS } from '../labels.ts';
import { bodyRow, cell, fitWidths, groupRow, headerRow, PORTRAIT_WIDTH, table } from '../table.ts';
import { COLORS, heading, labelRuns, para, pt, runs } from '../text.ts';

const SIZE = pt(8.5);
const t = (text: string, extra: Parameters<typeof runs>[1] = {}): TextRun[] => runs(text, { size: SIZE, ...extra });
const h = (ja: string, en: string, bilingual: boolean): TextRun[] => labelRuns({ ja, en }, bilingual, { bold: true, size: SIZE });

const partiesTable = (model: TAnnexModel, bilingual: boolean): Table => {
  const widths = fitWidths([500, 2000, null, null, null], [3, 3, 2], PORTRAIT_WIDTH);
  const rows = model.parties.map((p, i) =>
    bodyRow([
      cell(t(String(i + 1)), { width: widths[0] ?? 0 }),
      cell(labelRuns(PARTY_ROLE_LABELS[p.role], bilingual, { size: SIZE }), { width: widths[1] ?? 0 }),
      cell(t(p.displayName, { bold: true }), { width: widths[2] ?? 0 }),
      cell(t(model.input.organizationNames[p.id] ?? '（未参加）'), { width: widths[3] ?? 0 }),
      cell(t(p.contractReference || '—'), { width: widths[4] ?? 0 }),
    ]),
  );
  return table(
    [
      headerRow(
        [h('No.', 'No.', false), h('役割', 'Role', bilingual), h('当事者名', 'Party', bilingual), h('組織', 'Organization', bilingual), h('契約番号等', 'Contract ref.', bilingual)],
        widths,
      ),
      ...rows,
    ],
    widths,
  );
};

const contactCells = (kind: string, c: TContact | null, widths: number[], emergency: boolean): ReturnType<typeof cell>[] => {
  const color = emergency ? 'B00020' : COLORS.text;
  const values = c ? [c.name, c.phone || '—', c.email || '—', c.hours || '—'] : ['（未登録）', '', '', ''];
  return [
    cell(t(kind, { bold: emergency, color }), { width: widths[0] ?? 0 }),
    ...values.map((value, i) => cell(t(value), { width: widths[i + 1] ?? 0 })),
  ];
};

const partyContactRows = (p: TParty, widths: number[]): ReturnType<typeof bodyRow>[] => {
  const rows: ReturnType<typeof bodyRow>[] = [];
  const normal = p.normalContacts.length > 0 ? p.normalContacts : [null];
  const emergency = p.emergencyContacts.length > 0 ? p.emergencyContacts : [null];
  for (const c of normal) rows.push(bodyRow(contactCells('平常時', c, widths, false)));
  for (const c of emergency) rows.push(bodyRow(contactCells('緊急時', c, widths, true)));
  return rows;
};

const contactsTable = (model: TAnnexModel, bilingual: boolean): Table => {
  const widths = fitWidths([1000, null, 1700, null, null], [3, 4, 3], PORTRAIT_WIDTH);
  const rows = model.parties.flatMap((p) => [
    groupRow(
      [...t(p.displayName, { bold: true }), ...t(`（${PARTY_ROLE_LABELS[p.role].ja}）`, { color: COLORS.muted })],
      widths,
    ),
    ...partyContactRows(p, widths),
  ]);
  return table(
    [
      headerRow(
        [h('区分', 'Type', bilingual), h('氏名・部署', 'Name', bilingual), h('電話', 'Phone', bilingual), h('メール', 'E-mail', bilingual), h('対応時間', 'Hours', bilingual)],
        widths,
      ),
      ...rows,
    ],
    widths,
  );
};

/** 当事者一覧 and 連絡体制 (normal and emergency contacts per party). */
export const partiesSection = ({ model, bilingual }: TSectionContext, no: number): (Paragraph | Table)[] => [
  heading({ ja: `${no}. 当事者一覧`, en: 'Parties' }, bilingual),
  partiesTable(model, bilingual),
  heading({ ja: `${no + 1}. 連絡体制`, en: 'Contacts' }, bilingual),
  para('平常時および緊急時（インシデント発生時等）の連絡先を示す。緊急時の連絡先は赤字で示す。', { size: pt(9), color: COLORS.muted }, { spacing: { after: 80 } }),
  contactsTable(model, bilingual),
];
