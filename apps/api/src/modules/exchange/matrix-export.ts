import contentDisposition from 'content-disposition';
import { catalogItemNumbers, formatReferences } from '@bunkai/catalog';
import {
  ASSET_CATEGORY_LABELS,
  CELL_STATUS_LABELS,
  DUTY_CATEGORY_LABELS,
  FIRST_CHECK_LABELS,
  PHASE_LABELS,
  RACI_ROLES,
  type TEngagementSnapshot,
} from '@bunkai/domain';
import { ENGAGEMENT_WIDE_LABEL } from './labels.ts';
import type { SheetColumn } from './xlsx.ts';

/**
 * The matrix as a table (責任分担表): one row per cell in the catalog's order (part,
 * order, code; engagement-wide cells first, then assets by position), one
 * column per party. A party's column shows the agreed roles, or — while the
 * cell is not agreed — the roles of its open proposal; 状態 says which.
 * 項番 is the catalog's own numbering (`P1-001`); 確認表項番 holds an official
 * 確認表 number only where one is known; 根拠 prints citations, never document ids.
 */
export const matrixTable = (s: TEngagementSnapshot): { columns: SheetColumn[]; rows: string[][] } => {
  const dutyById = new Map(s.duties.map((d) => [d.id, d]));
  const assetById = new Map(s.assets.map((a) => [a.id, a]));
  const columns: SheetColumn[] = [
    { header: '項番', width: 9 },
    { header: '確認表項番', width: 11 },
    { header: '項目コード', width: 11 },
    { header: '項目', width: 36 },
    { header: '内容', width: 60 },
    { header: 'フェーズ', width: 11 },
    { header: '分類', width: 18 },
    { header: '根拠', width: 40 },
    { header: '対象資産', width: 30 },
    { header: '資産種別', width: 16 },
    ...s.parties.map((p) => ({ header: p.displayName, width: Math.min(24, Math.max(10, p.displayName.length * 2)) })),
    { header: '状態', width: 10 },
    { header: '対応時間', width: 16 },
    { header: '頻度', width: 16 },
    { header: '証跡', width: 24 },
    { header: '特記事項', width: 32 },
    { header: '対象外理由', width: 24 },
    { header: '初回確認', width: 9 },
    { header: '初回確認日', width: 12, kind: 'date' },
    { header: '完了日', width: 12, kind: 'date' },
    { header: '備考', width: 32 },
  ];
  const numbers = catalogItemNumbers(s.duties);
  const rows: string[][] = [];
  for (const c of s.cells) {
    const duty = dutyById.get(c.dutyId);
    if (!duty) continue;
    const asset = c.assetId ? assetById.get(c.assetId) : undefined;
    const assignment = c.assignment ?? c.proposedAssignment ?? {};
    rows.push([
      numbers.get(duty.code) ?? '',
      duty.kakuninhyoItem ?? '',
      duty.code,
      duty.title.ja,
      duty.description.ja,
      PHASE_LABELS[duty.phase].ja,
      DUTY_CATEGORY_LABELS[duty.category].ja,
      formatReferences(duty.references),
      asset ? asset.name : ENGAGEMENT_WIDE_LABEL,
      asset ? ASSET_CATEGORY_LABELS[asset.category].ja : '',
      ...s.parties.map((p) => RACI_ROLES.filter((r) => assignment[p.id]?.includes(r)).join('/')),
      CELL_STATUS_LABELS[c.status].ja,
      c.terms.responseTime,
      c.terms.frequency,
      c.terms.evidence,
      c.terms.remarks,
      c.notApplicableReason ?? duty.notApplicableReason ?? '',
      c.kickoff.firstCheckAnswer ? FIRST_CHECK_LABELS[c.kickoff.firstCheckAnswer] : '',
      c.kickoff.firstCheckOn ?? '',
      c.kickoff.completedOn ?? '',
      c.kickoff.notes,
    ]);
  }
  return { columns, rows };
};

/**
 * Bidirectional controls (U+202E right-to-left override and kin) would let a title disguise a
 * file's extension (`…gnp.exe`); they are removed before the name reaches a header.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `attachment` with an ASCII fallback name and the real (Japanese) name in RFC 5987 UTF-8 form. */
export const attachment = (filename: string, asciiFallback?: string): string =>
  contentDisposition(filename.replace(BIDI_CONTROLS, ''), asciiFallback ? { fallback: asciiFallback } : undefined);

/** A file name from an engagement title: no path separators, quotes, control or bidi characters. */
export const exportFilename = (title: string, today: string, ext: 'csv' | 'xlsx', what: { ja: string; ascii: string } = { ja: '分担表', ascii: 'matrix' }) => {
  // eslint-disable-next-line no-control-regex
  const safe = title.replace(BIDI_CONTROLS, '').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').slice(0, 80);
  return { filename: `${safe}_${what.ja}_${today}.${ext}`, ascii: `bunkai-${what.ascii}-${today}.${ext}` };
};
