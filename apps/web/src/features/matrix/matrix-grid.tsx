import { useVirtualizer, type Rect, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { overdueDeadlines, type TAsset, type TMatrixCell, type TParty } from '@bunkai/domain';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { MatrixCellView } from './matrix-cell.tsx';
import { displayedAssignment, eosState, lettersOf, todayIso, type MatrixModel } from './matrix-model.ts';
import './matrix-grid.css';

export const DUTY_W = 300;
export const COL_W = 92;
export const HEAD_H = 68;
const ROW_H = { duty: 46, group: 30, part: 36 } as const;

export type MatrixGridProps = {
  model: MatrixModel;
  colors: Map<string, string>;
  onOpen: (cellId: string) => void;
  selection: ReadonlySet<string>;
  onToggle: (cellId: string) => void;
  /** The cell to put keyboard focus on first (deep links, the open panel). */
  focusCellId?: string | null;
  /** Tests and benchmarks: a fixed viewport instead of measuring the element. */
  fixedViewport?: { width: number; height: number };
};

const fixedRect = (rect: Rect) => (_: unknown, cb: (r: Rect) => void) => {
  cb(rect);
  return () => undefined;
};

const cellLabel = (t: Translate, dutyTitle: string, asset: TAsset | null, cell: TMatrixCell | undefined, parties: TParty[]) => {
  const assetName = asset ? asset.name : t('matrix.engagementWide');
  if (!cell) return `${dutyTitle} / ${assetName}: ${t('matrix.noCell')}`;
  const { assignment } = displayedAssignment(cell);
  const roles = parties
    .map((p) => ({ p, l: lettersOf(assignment, p.id) }))
    .filter((x) => x.l.length)
    .map((x) => `${x.p.displayName} ${x.l.join('')}`)
    .join('、');
  return t('matrix.cellLabel', {
    duty: dutyTitle,
    asset: assetName,
    status: t(`cellStatus.${cell.status}`),
    roles: roles ? `、${roles}` : '',
    findings: (cell.findingCodes.length ? t('matrix.hasFindings') : '') + (Object.values(overdueDeadlines(cell, todayIso())).some(Boolean) ? `、${t('deadline.overdue')}` : ''),
  });
};

/**
 * The virtualized matrix grid: rows (duties) and columns (assets) are both
 * windowed, the header row and the duty column stay put while scrolling, and
 * one roving tabindex carries keyboard focus (arrows, Home/End, PageUp/Down,
 * Enter opens, Space selects).
 */
export const MatrixGrid = ({ model, colors, onOpen, selection, onToggle, focusCellId, fixedViewport }: MatrixGridProps) => {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ r: number; c: number }>(() => ({ r: model.dutyRowIndexes[0] ?? 0, c: 0 }));
  const wantFocus = useRef(false);
  const today = todayIso();
  const rect = fixedViewport ? { width: fixedViewport.width, height: fixedViewport.height } : undefined;
  // Screen-reader names, built once per cell per model and language: scrolling re-renders a row for
  // every new column, and rebuilding ~200 names per frame showed in the stress matrix's frame times.
  const labels = useMemo(() => new Map<string, string>(), [model, t]);

  const rows: Virtualizer<HTMLDivElement, Element> = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_H[model.rows[i]?.kind ?? 'duty'],
    overscan: 4,
    scrollPaddingStart: HEAD_H,
    paddingStart: 0,
    ...(rect ? { initialRect: rect, observeElementRect: fixedRect(rect) } : {}),
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: model.columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COL_W,
    overscan: 2,
    scrollPaddingStart: DUTY_W,
    ...(rect ? { initialRect: rect, observeElementRect: fixedRect(rect) } : {}),
  });

  // keep the active position inside the model when filters change it
  useEffect(() => {
    setActive((a) => {
      const r = model.dutyRowIndexes.includes(a.r) ? a.r : (model.dutyRowIndexes[0] ?? 0);
      const c = Math.min(a.c, Math.max(0, model.columns.length - 1));
      return r === a.r && c === a.c ? a : { r, c };
    });
  }, [model]);

  useEffect(() => {
    if (!focusCellId) return;
    const cell = model.cellById.get(focusCellId);
    if (!cell) return;
    const r = model.rows.findIndex((row) => row.kind === 'duty' && row.duty.id === cell.dutyId);
    const c = model.columns.findIndex((col) => (col.asset?.id ?? null) === cell.assetId);
    if (r < 0 || c < 0) return;
    setActive({ r, c });
    rows.scrollToIndex(r, { align: 'auto' });
    cols.scrollToIndex(c, { align: 'auto' });
  }, [focusCellId, model]);

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-pos="${active.r}:${active.c}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      wantFocus.current = false;
    }
  });

  const move = useCallback(
    (r: number, c: number) => {
      wantFocus.current = true;
      setActive({ r, c });
      rows.scrollToIndex(r, { align: 'auto' });
      cols.scrollToIndex(c, { align: 'auto' });
    },
    [rows, cols],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const idx = model.dutyRowIndexes;
    const pos = idx.indexOf(active.r);
    const lastCol = model.columns.length - 1;
    const at = (i: number) => idx[Math.max(0, Math.min(idx.length - 1, i))] ?? active.r;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        move(at(pos + 1), active.c);
        break;
      case 'ArrowUp':
        move(at(pos - 1), active.c);
        break;
      case 'ArrowRight':
        move(active.r, Math.min(lastCol, active.c + 1));
        break;
      case 'ArrowLeft':
        move(active.r, Math.max(0, active.c - 1));
        break;
      case 'PageDown':
        move(at(pos + 10), active.c);
        break;
      case 'PageUp':
        move(at(pos - 10), active.c);
        break;
      case 'Home':
        move(e.ctrlKey ? at(0) : active.r, 0);
        break;
      case 'End':
        move(e.ctrlKey ? at(idx.length - 1) : active.r, lastCol);
        break;
      case 'Enter':
      case ' ': {
        const row = model.rows[active.r];
        const col = model.columns[active.c];
        const cell = row?.kind === 'duty' && col ? model.cellAt(row.duty.id, col.asset?.id ?? null) : undefined;
        if (cell) (e.key === 'Enter' ? onOpen : onToggle)(cell.id);
        break;
      }
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const onFocusCell = useCallback((r: number, c: number) => setActive({ r, c }), []);
  const totalW = DUTY_W + cols.getTotalSize();
  const vCols = cols.getVirtualItems();
  const dutyCount = model.dutyRowIndexes.length;

  return (
    <div
      ref={scrollRef}
      className="mx-scroll"
      role="grid"
      aria-label={t('matrix.gridLabel', { rows: dutyCount, cols: model.columns.length })}
      aria-rowcount={model.rows.length + 1}
      aria-colcount={model.columns.length + 1}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <div className="mx-inner" style={{ width: totalW, height: HEAD_H + rows.getTotalSize() }}>
        <div className="mx-head" role="row" aria-rowindex={1} style={{ width: totalW, height: HEAD_H }}>
          <div className="mx-corner" role="columnheader" aria-colindex={1} style={{ width: DUTY_W }}>
            {t('matrix.duty')}
          </div>
          {vCols.map((vc) => {
            const col = model.columns[vc.index];
            const asset = col?.asset ?? null;
            const eos = asset ? eosState(asset.supportEndsOn, today) : null;
            return (
              <div key={vc.key} className={`mx-colhead${eos ? ` eos-${eos}` : ''}`} role="columnheader" aria-colindex={vc.index + 2} style={{ left: DUTY_W + vc.start, width: vc.size }} title={asset ? `${asset.name}\n${t(`assetCategory.${asset.category}`)}` : t('matrix.engagementWide')}>
                <span className="mx-colhead-name">{asset ? asset.name : t('matrix.engagementWide')}</span>
                <span className="mx-colhead-cat">
                  {eos ? <span className="eos-flag">{eos === 'past' ? t('overview.eosPast') : 'EoS'}</span> : asset ? t(`assetCategory.${asset.category}`) : ''}
                </span>
              </div>
            );
          })}
        </div>
        {rows.getVirtualItems().map((vr) => {
          const row = model.rows[vr.index];
          if (!row) return null;
          const top = HEAD_H + vr.start;
          if (row.kind !== 'duty')
            return (
              <div key={vr.key} role="row" aria-rowindex={vr.index + 2} className={`mx-band mx-band-${row.kind}`} style={{ top, height: vr.size, width: totalW }}>
                <div role="rowheader" aria-colindex={1} className="mx-band-label" style={{ width: Math.min(totalW, 900) }}>
                  {row.kind === 'part' ? t('review.part', { n: row.part }) : t(`category.${row.category}`)}
                </div>
              </div>
            );
          return (
            <MatrixRowView
              key={vr.key}
              row={row}
              rowIndex={vr.index}
              top={top}
              height={vr.size}
              totalW={totalW}
              vCols={vCols}
              model={model}
              labels={labels}
              colors={colors}
              activeCol={active.r === vr.index ? active.c : -1}
              selection={selection}
              onFocusCell={onFocusCell}
              onOpen={onOpen}
              onToggle={onToggle}
            />
          );
        })}
      </div>
    </div>
  );
};

type RowViewProps = {
  row: Extract<MatrixModel['rows'][number], { kind: 'duty' }>;
  rowIndex: number;
  top: number;
  height: number;
  totalW: number;
  vCols: VirtualItem[];
  model: MatrixModel;
  /** Cell names by position key, filled as rows render (see MatrixGrid). */
  labels: Map<string, string>;
  colors: Map<string, string>;
  activeCol: number;
  selection: ReadonlySet<string>;
  onFocusCell: (r: number, c: number) => void;
  onOpen: (cellId: string) => void;
  onToggle: (cellId: string) => void;
};

/** One duty row; memoized so vertical scrolling renders only the rows that come into view. */
const MatrixRowView = memo(function MatrixRowView({ row, rowIndex, top, height, totalW, vCols, model, labels, colors, activeCol, selection, onFocusCell, onOpen, onToggle }: RowViewProps) {
  const { t, loc } = useI18n();
  const duty = row.duty;
  const title = loc(duty.title);
  return (
    <div role="row" aria-rowindex={rowIndex + 2} className="mx-row" style={{ top, height, width: totalW }}>
      <div
        role="rowheader"
        aria-colindex={1}
        className="mx-rowhead"
        style={{ width: DUTY_W }}
        title={`${row.itemNo} (${duty.code}${duty.kakuninhyoItem ? ` · ${t('matrix.kakuninhyoItem', { n: duty.kakuninhyoItem })}` : ''}) ${title}\n${loc(duty.description)}`}
      >
        <span className="mx-code">{row.itemNo}</span>
        <span className="mx-title">{title}</span>
        <span className={`mx-phase ph-${duty.phase}`}>
          {t(`phase.${duty.phase}`)}
          {/* The official 確認表 number only where the duty carries one (verified or imported). */}
          {duty.kakuninhyoItem ? ` · ${t('matrix.kakuninhyoItem', { n: duty.kakuninhyoItem })}` : ''}
        </span>
      </div>
      {vCols.map((vc) => {
        const col = model.columns[vc.index];
        const cell = model.cellAt(duty.id, col?.asset?.id ?? null);
        const key = `${rowIndex}:${vc.index}`;
        let label = labels.get(key);
        if (label === undefined) labels.set(key, (label = cellLabel(t, `${duty.code} ${title}`, col?.asset ?? null, cell, model.parties)));
        return (
          <MatrixCellView
            key={vc.key}
            cell={cell}
            parties={model.parties}
            colors={colors}
            label={label}
            active={activeCol === vc.index}
            selected={cell ? selection.has(cell.id) : false}
            rowIndex={rowIndex}
            colIndex={vc.index}
            left={DUTY_W + vc.start}
            width={vc.size}
            onFocusCell={onFocusCell}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        );
      })}
    </div>
  );
});
