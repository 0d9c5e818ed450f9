import {
  ASSET_CATEGORY_LABELS,
  CELL_STATUS_LABELS,
  DUTY_CATEGORY_LABELS,
  FIRST_CHECK_LABELS,
  KAKUNINHYO_PART_LABELS,
  PARTY_ROLE_LABELS,
  PHASE_LABELS,
  rolesOf,
  type TAnnexModel,
  type TItemRow,
} from '@bunkai/docx';
import { FONT } from '../fonts.ts';
import { formatDateShort } from '../format.ts';
import { COLORS, type Doc, drawTable, heading, paragraph, run, type TCellContent, type TRow, writableWidth } from '../layout.ts';


export const notApplicableReason = (row: TItemRow): string | null => {
  if (row.duty.notApplicableReason !== null) return row.duty.notApplicableReason;
  if (row.cell?.status === 'not_applicable') return row.cell.notApplicableReason ?? '';
  return null;
};

/** Up to this many assets are named one by one; more are counted per category (「クライアント端末 ×24」), as in the .docx. */
const NAMED_ASSETS = 4;

/** 「対象：name（category）」, a few names, or counts per category; null for engagement-wide rows. */
const assetLine = (row: TItemRow): string | null => {
  const assets = row.assets;
  if (assets.length === 1) return `対象：${assets[0]!.name}（${ASSET_CATEGORY_LABELS[assets[0]!.category].ja}）`;
  if (assets.length > 1 && assets.length <= NAMED_ASSETS) return `対象：${assets.map((a) => a.name).join('、')}`;
  if (assets.length > NAMED_ASSETS) {
    const counts = new Map<string, number>();
    for (const a of assets) counts.set(ASSET_CATEGORY_LABELS[a.category].ja, (counts.get(ASSET_CATEGORY_LABELS[a.category].ja) ?? 0) + 1);
    return `対象：${[...counts].map(([label, n]) => `${label} ×${n}`).join('、')}`;
  }
  if (row.cell && row.cell.assetId !== null) return '対象：（不明な資産）';
  return null;
};

const titleCell = (row: TItemRow): TCellContent => {
  const out: TCellContent = row.first
    ? [run(row.duty.title.ja, { bold: true }), run(`［${PHASE_LABELS[row.duty.phase].ja}］`, { size: 6.5, color: COLORS.muted })]
    : [run(row.duty.title.ja, { size: 6.5, color: COLORS.faint })];
  const asset = assetLine(row);
  if (asset) out.push(run(asset, { size: 6.5 }));
  // A collapsed row still says which assets it counts.
  if (row.assets.length > NAMED_ASSETS) out.push(run(row.assets.map((a) => a.name).join('、'), { size: 6, color: COLORS.muted }));
  return out;
};

/** 内容 with 根拠 as readable citations (the model's, as in the .docx), never the catalog's internal document ids. */
const contentCell = (row: TItemRow, citation: string): TCellContent => {
  if (!row.first) return [run('（同上）', { color: COLORS.faint })];
  return [run(row.duty.description.ja), ...(citation ? [run(`根拠：${citation}`, { size: 6.5, color: COLORS.muted })] : [])];
};

const roleCell = (row: TItemRow, partyId: string): TCellContent => {
  if (notApplicableReason(row) !== null) return [run('—', { color: COLORS.faint })];
  const roles = rolesOf(row.cell, partyId);
  return roles.length ? [run(roles.join('・'), { bold: true })] : [];
};

const remarksCell = (row: TItemRow): TCellContent => {
  const out: TCellContent = [];
  const na = notApplicableReason(row);
  if (!row.cell) out.push(run('（対象となる分担なし）', { color: COLORS.muted }));
  else if (na !== null) out.push(run(na ? `対象外：${na}` : '対象外', { color: COLORS.red }));
  else if (row.cell.status !== 'agreed') out.push(run(`【${CELL_STATUS_LABELS[row.cell.status].ja}】`, { color: COLORS.red }));
  const terms = row.cell?.terms;
  if (terms && na === null) {
    if (terms.responseTime) out.push(run(`対応時間：${terms.responseTime}`));
    if (terms.frequency) out.push(run(`頻度：${terms.frequency}`));
    if (terms.evidence) out.push(run(`証跡：${terms.evidence}`));
    if (terms.remarks) out.push(run(terms.remarks));
  }
  const notes = row.cell?.kickoff.notes;
  if (notes) out.push(run(`確認メモ：${notes}`, { color: COLORS.muted }));
  return out;
};

const firstCheckCell = (row: TItemRow): TCellContent => {
  const k = row.cell?.kickoff;
  if (!k || k.firstCheckAnswer === null) return [];
  return [run(FIRST_CHECK_LABELS[k.firstCheckAnswer], k.firstCheckAnswer === 'yes' ? { bold: true } : {}), ...(k.firstCheckOn ? [run(formatDateShort(k.firstCheckOn))] : [])];
};

/** Column widths (points) for the landscape item table: 項番, 確認表項番, 項目, 内容, parties, 初回確認, 完了日, 備考. */
export const itemWidths = (total: number, parties: number): number[] => {
  // 完了日 and 初回確認 fit 「2026/11/02」 on one line: dates never break.
  const fixed = { code: 50, official: 40, title: 108, check: 48, done: 48, notes: 112 };
  const rest = total - Object.values(fixed).reduce((a, b) => a + b, 0);
  // A party column holds its 略称 and the role letters (「R・A・C」).
  const party = Math.max(30, Math.min(52, Math.floor((rest - 180) / Math.max(1, parties))));
  return [fixed.code, fixed.official, fixed.title, rest - party * parties, ...Array.from({ length: parties }, () => party), fixed.check, fixed.done, fixed.notes];
};

export const HEADER_SIZE = 7.5;

/**
 * The 略称 each party column is headed by: the model's (甲/乙/丙, or the name without corporate forms), cut to what
 * fits the column on one line at the header size — headers never break inside a name — and kept unique.
 */
export const columnLabels = (doc: Doc, model: TAnnexModel, width: number): Map<string, string> => {
  const fits = (text: string) => doc.font(FONT.bold).fontSize(HEADER_SIZE).widthOfString(text) <= width - 7;
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const p of model.parties) {
    let chars = [...(model.partyLabels.get(p.id)?.short ?? p.displayName)];
    while (chars.length > 1 && !fits(chars.join(''))) chars = chars.slice(0, -1);
    let label = chars.join('');
    for (let n = 2; used.has(label); n++) label = `${chars.slice(0, Math.max(1, chars.length - 1)).join('')}${n}`;
    used.add(label);
    out.set(p.id, label);
  }
  return out;
};

/** 略称の凡例: short name → party, organization and role, as in the .docx. */
export const legendOf = (model: TAnnexModel, labels: Map<string, string>): string =>
  '当事者の略称：' +
  model.parties
    .map((p) => {
      const org = model.input.organizationNames[p.id];
      return `${labels.get(p.id) ?? p.displayName}＝${p.displayName}${org && org !== p.displayName ? `（${org}）` : ''}・${PARTY_ROLE_LABELS[p.role].ja}`;
    })
    .join('\u3000／\u3000');

/**
 * 責任分担表 (Part 1 → Part 2, grouped by category), one table per part. Party columns are headed by the 略称 the
 * .docx uses (甲/乙/丙 when the contract names them), explained by a legend: headers never break inside a name.
 */
export const drawItems = (doc: Doc, model: TAnnexModel, no: number, newPage: () => void): void => {
  let labels = new Map<string, string>();
  let legend = '';
  const header = (): TCellContent[] => [
    [run('項番', { bold: true })],
    [run('確認表項番', { bold: true, size: 6.5 })],
    [run('項目', { bold: true })],
    [run('内容', { bold: true })],
    ...model.parties.map((p) => [run(labels.get(p.id) ?? p.displayName, { bold: true, size: HEADER_SIZE })]),
    [run('初回確認', { bold: true })],
    [run('完了日', { bold: true })],
    [run('備考', { bold: true })],
  ];
  for (const part of model.parts) {
    const title = `${no}. 責任分担表 ${KAKUNINHYO_PART_LABELS[part.part].ja}`;
    newPage();
    const widths = itemWidths(writableWidth(doc), model.parties.length);
    labels = columnLabels(doc, model, widths[4] ?? 0);
    legend = legendOf(model, labels);
    heading(doc, title, `Responsibility assignment — ${KAKUNINHYO_PART_LABELS[part.part].en}`);
    paragraph(
      doc,
      '項番は本書の項目番号、確認表項番は「医療情報システムの契約における当事者間の役割分担等に関する確認表」の公式項番（確認できたもののみ）である。' +
        '資産ごとの分担・条件が同一の場合は一行にまとめて対象資産を示し、異なる資産のみ行を分けて示す。',
      { size: 8, color: COLORS.muted, gap: 2 },
    );
    paragraph(doc, legend, { size: 8, color: COLORS.muted });
    const rows: TRow[] = part.groups.flatMap((g): TRow[] => [
      { kind: 'group', label: [run(`■ ${DUTY_CATEGORY_LABELS[g.category].ja}`, { bold: true })] },
      ...g.rows.map((row): TRow => {
        const official = row.first ? model.officialItems.get(row.duty.id) : undefined;
        return {
          kind: 'body',
          cells: [
            [run(row.duty.code, { size: 6.5, ...(row.first ? { bold: true } : {}) })],
            official ? [run(official, { size: 6.5 })] : [],
            titleCell(row),
            contentCell(row, model.citations.get(row.duty.id) ?? ''),
            ...model.parties.map((p) => roleCell(row, p.id)),
            firstCheckCell(row),
            row.cell?.kickoff.completedOn ? [run(formatDateShort(row.cell.kickoff.completedOn))] : [],
            remarksCell(row),
          ],
        };
      }),
    ]);
    drawTable(doc, { widths, header: header(), rows, size: 7.5 }, () => {
      newPage();
      // Every continuation page names its part and repeats the legend.
      paragraph(doc, `${title}（続き）\u3000${legend}`, { size: 8, color: COLORS.muted, gap: 2 });
    });
  }
};
