import type { TAsset, TAssignment, TDuty, TMatrixCell, TMatrixResponse, TParty, TRaciRole } from '@bunkai/domain';
import { RACI_ROLES, catalogItemNumbers, daysBetween, EOS_WARNING_DAYS } from '@bunkai/domain';

/**
 * The matrix as the grid draws it: rows are duties in the catalog's order (Part,
 * then the duty's sort key) with a header row where the Part or the category
 * (the 確認表 section) changes; columns are the engagement-wide column (if
 * any cell is engagement-wide) and the assets in their position order.
 */
export type MatrixRow =
  | { kind: 'part'; key: string; part: 1 | 2 }
  | { kind: 'group'; key: string; category: TDuty['category'] }
  /** `itemNo`: the catalog's own 項番 (P1-001), as the annex and the exports number the duty — not a 確認表 number. */
  | { kind: 'duty'; key: string; duty: TDuty; dutyIndex: number; itemNo: string };

export type MatrixColumn = { key: string; asset: TAsset | null };

export type MatrixModel = {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  /** Row indexes of duty rows, in order: keyboard navigation moves along these. */
  dutyRowIndexes: number[];
  cellAt: (dutyId: string, assetId: string | null) => TMatrixCell | undefined;
  cellById: Map<string, TMatrixCell>;
  parties: TParty[];
};

export const cellKeyOf = (dutyId: string, assetId: string | null) => `${dutyId}:${assetId ?? '-'}`;

/**
 * One set of counts for every screen (issue 16, bug 9): the list said 119/156, the matrix 157 セル and the
 * review 1/156 because the matrix counted the 対象外 (not applicable) cells and the review showed its position.
 * Applicable = every cell except 対象外; progress is always agreed / applicable, as the API's progress.
 */
export type CellCounts = { total: number; notApplicable: number; applicable: number; agreed: number; firstChecked: number; completed: number };

export const countCells = (cells: readonly TMatrixCell[]): CellCounts => {
  const applicable = cells.filter((c) => c.status !== 'not_applicable');
  return {
    total: cells.length,
    notApplicable: cells.length - applicable.length,
    applicable: applicable.length,
    agreed: applicable.filter((c) => c.status === 'agreed').length,
    firstChecked: applicable.filter((c) => c.kickoff.firstCheckAnswer !== null).length,
    completed: applicable.filter((c) => c.kickoff.completedOn !== null).length,
  };
};

export const compareDuties = (a: TDuty, b: TDuty) => a.kakuninhyoPart - b.kakuninhyoPart || a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** `hideEmpty`: with a filter on, rows and columns without a matching cell are left out. */
export const buildMatrixModel = (m: TMatrixResponse, hideEmpty: boolean): MatrixModel => {
  const byKey = new Map<string, TMatrixCell>();
  const cellById = new Map<string, TMatrixCell>();
  const dutiesWithCells = new Set<string>();
  const assetsWithCells = new Set<string>();
  let wide = false;
  for (const c of m.cells) {
    byKey.set(cellKeyOf(c.dutyId, c.assetId), c);
    cellById.set(c.id, c);
    dutiesWithCells.add(c.dutyId);
    if (c.assetId === null) wide = true;
    else assetsWithCells.add(c.assetId);
  }
  const duties = [...m.duties].sort(compareDuties).filter((d) => dutiesWithCells.has(d.id));
  const assets = [...m.assets].sort((a, b) => a.position - b.position).filter((a) => !hideEmpty || assetsWithCells.has(a.id));
  const columns: MatrixColumn[] = [...(wide ? [{ key: '-', asset: null }] : []), ...assets.map((a) => ({ key: a.id, asset: a }))];

  const itemNumbers = catalogItemNumbers(m.duties);
  const rows: MatrixRow[] = [];
  const dutyRowIndexes: number[] = [];
  let part: number | null = null;
  let category: string | null = null;
  duties.forEach((duty, dutyIndex) => {
    if (duty.kakuninhyoPart !== part) {
      part = duty.kakuninhyoPart;
      category = null;
      rows.push({ kind: 'part', key: `part-${part}`, part: duty.kakuninhyoPart });
    }
    if (duty.category !== category) {
      category = duty.category;
      rows.push({ kind: 'group', key: `group-${part}-${rows.length}`, category: duty.category });
    }
    dutyRowIndexes.push(rows.length);
    rows.push({ kind: 'duty', key: duty.id, duty, dutyIndex, itemNo: itemNumbers.get(duty.code) ?? duty.code });
  });
  return {
    rows,
    columns,
    dutyRowIndexes,
    cellAt: (dutyId, assetId) => byKey.get(cellKeyOf(dutyId, assetId)),
    cellById,
    parties: [...m.parties].sort((a, b) => a.position - b.position),
  };
};

const models = new WeakMap<TMatrixResponse, Map<boolean, MatrixModel>>();

/**
 * The model of one matrix answer, built once: the page opened by its address builds it as soon as the
 * matrix arrives (prefetchMatrixPage), while the engagement's own request is still on its way.
 */
export const matrixModelOf = (m: TMatrixResponse, hideEmpty: boolean): MatrixModel => {
  let byFlag = models.get(m);
  if (!byFlag) models.set(m, (byFlag = new Map()));
  let model = byFlag.get(hideEmpty);
  if (!model) byFlag.set(hideEmpty, (model = buildMatrixModel(m, hideEmpty)));
  return model;
};

/** What the cell shows: the open proposal's split while one is on the table, else the agreed one. */
export const displayedAssignment = (c: TMatrixCell): { assignment: TAssignment | null; proposed: boolean } =>
  c.openProposal ? { assignment: c.openProposal.assignment, proposed: true } : { assignment: c.assignment, proposed: false };

export const lettersOf = (a: TAssignment | null, partyId: string): TRaciRole[] => (a ? RACI_ROLES.filter((r) => (a[partyId] ?? []).includes(r)) : []);

/** 'past' when support has ended, 'soon' within the findings engine's warning window. */
export const eosState = (supportEndsOn: string | null, today: string): 'past' | 'soon' | null => {
  if (!supportEndsOn) return null;
  const days = daysBetween(today, supportEndsOn);
  if (days < 0) return 'past';
  return days <= EOS_WARNING_DAYS ? 'soon' : null;
};

export const todayIso = () => new Date().toISOString().slice(0, 10);
