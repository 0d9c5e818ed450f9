import type { TParty } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { displayedAssignment, lettersOf, todayIso, type MatrixModel } from './matrix-model.ts';

/** Party numbers instead of colours: a black-and-white print must still say who holds which letter. */
const partyNo = (parties: TParty[]) => new Map(parties.map((p, i) => [p.id, i + 1]));

/**
 * The matrix for paper (A4 landscape, print.css): every row, a header row the
 * browser repeats on each page (thead), party numbers with a legend, no app chrome.
 */
export const MatrixPrintTable = ({ model, title }: { model: MatrixModel; title: string }) => {
  const { t, loc, fmtDate } = useI18n();
  const no = partyNo(model.parties);
  return (
    <div className="print-only print-sheet" data-testid="matrix-print">
      <h1 className="print-title">
        {title} — {t('nav.matrix')} <span className="print-date">{fmtDate(todayIso())}</span>
      </h1>
      <p className="print-legend">
        {model.parties.map((p) => (
          <span key={p.id}>
            {no.get(p.id)} = {p.displayName}
          </span>
        ))}
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t('matrix.duty')}</th>
            {model.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.asset ? c.asset.name : t('matrix.engagementWide')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) =>
            row.kind !== 'duty' ? (
              <tr key={row.key} className="print-band">
                <th scope="colgroup" colSpan={model.columns.length + 1}>
                  {row.kind === 'part' ? t('review.part', { n: row.part }) : t(`category.${row.category}`)}
                </th>
              </tr>
            ) : (
              <tr key={row.key}>
                <th scope="row">
                  <code>{row.duty.code}</code> {loc(row.duty.title)}
                </th>
                {model.columns.map((col) => {
                  const cell = model.cellAt(row.duty.id, col.asset?.id ?? null);
                  if (!cell) return <td key={col.key}>·</td>;
                  if (cell.status === 'not_applicable') return <td key={col.key}>{t('cellStatus.not_applicable')}</td>;
                  const { assignment, proposed } = displayedAssignment(cell);
                  const text = model.parties
                    .map((p) => ({ n: no.get(p.id), l: lettersOf(assignment, p.id).join('') }))
                    .filter((x) => x.l)
                    .map((x) => `${x.n}:${x.l}`)
                    .join(' ');
                  return (
                    <td key={col.key} className={proposed ? 'is-proposed' : undefined}>
                      {text || '—'}
                      {proposed ? ' *' : ''}
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
      <p className="print-note">{t('print.proposedNote')}</p>
    </div>
  );
};
