import { memo } from 'react';
import { overdueDeadlines, type TMatrixCell, type TParty } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { displayedAssignment, lettersOf, todayIso } from './matrix-model.ts';

export type CellViewProps = {
  cell: TMatrixCell | undefined;
  parties: TParty[];
  colors: Map<string, string>;
  label: string;
  active: boolean;
  selected: boolean;
  rowIndex: number;
  colIndex: number;
  left: number;
  width: number;
  onFocusCell: (rowIndex: number, colIndex: number) => void;
  onOpen: (cellId: string) => void;
  onToggle: (cellId: string) => void;
};

/**
 * One grid cell: each party's letters in that party's colour, the status as
 * the cell's frame (solid agreed, dashed proposed, red disputed, grey
 * unassigned, hatched n/a) and a corner mark when findings point at it.
 */
export const MatrixCellView = memo(function MatrixCellView(p: CellViewProps) {
  const { t } = useI18n();
  const c = p.cell;
  const style = { left: p.left + 3, width: p.width - 6 };
  if (!c)
    return (
      <div role="gridcell" className={`mx-cell mx-none${p.active ? ' is-active' : ''}`} style={style} tabIndex={p.active ? 0 : -1} aria-colindex={p.colIndex + 2} data-pos={`${p.rowIndex}:${p.colIndex}`} onMouseDown={() => p.onFocusCell(p.rowIndex, p.colIndex)}>
        <span className="sr-only">{p.label}</span>
        <span aria-hidden="true">·</span>
      </div>
    );
  const { assignment, proposed } = displayedAssignment(c);
  const findings = c.findingCodes.length > 0;
  const late = overdueDeadlines(c, todayIso());
  return (
    <div
      role="gridcell"
      className={`mx-cell st-${c.status}${proposed && c.status !== 'proposed' ? ' has-proposal' : ''}${p.active ? ' is-active' : ''}${p.selected ? ' is-selected' : ''}`}
      style={style}
      tabIndex={p.active ? 0 : -1}
      aria-colindex={p.colIndex + 2}
      aria-selected={p.selected}
      data-pos={`${p.rowIndex}:${p.colIndex}`}
      data-cell-id={c.id}
      data-status={c.status}
      onMouseDown={() => p.onFocusCell(p.rowIndex, p.colIndex)}
      onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey ? p.onToggle(c.id) : p.onOpen(c.id))}
    >
      {/* The name comes from this text, not an aria-label, so it never contradicts the letters drawn (axe label-content-name-mismatch, issue 16 bug 11). */}
      <span className="sr-only">{p.label}</span>
      {c.status === 'not_applicable' ? (
        <span className="mx-na" aria-hidden="true">
          {t('cellStatus.not_applicable')}
        </span>
      ) : assignment && Object.keys(assignment).length > 0 ? (
        <span className="mx-letters" aria-hidden="true">
          {p.parties.map((party) => {
            const letters = lettersOf(assignment, party.id);
            return letters.length ? (
              <span key={party.id} data-testid="cell-letter" className="mx-letter" style={{ color: p.colors.get(party.id), borderColor: p.colors.get(party.id) }} title={party.displayName}>
                {letters.join('')}
              </span>
            ) : null;
          })}
        </span>
      ) : (
        <span className="mx-empty" aria-hidden="true">
          —
        </span>
      )}
      {late.due || late.completion ? <span data-testid="cell-overdue" className="mx-overdue" aria-hidden="true" title={t('deadline.overdue')} /> : null}
      {findings ? <span data-testid="cell-finding" className="mx-finding" aria-hidden="true" title={c.findingCodes.map((f) => t(`finding.${f}`)).join('\n')} /> : null}
    </div>
  );
});
