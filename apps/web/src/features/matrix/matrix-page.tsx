import type { QueryClient } from '@tanstack/react-query';
import type { TMatrixResponse } from '@bunkai/domain';
import { useCallback, useMemo, useState } from 'react';
import type { MatrixFilters } from '../../api/cells/keys.ts';
import { useBulkPropose } from '../../api/cells/mutations.ts';
import { matrixQuery, prefetchMatrix, useGetMatrix } from '../../api/cells/queries.ts';
import { Empty, ErrorMessage, Loading } from '../../components/feedback.tsx';
import { Modal } from '../../components/modal.tsx';
import { partyColorMap } from '../../components/party-colors.ts';
import { useToast } from '../../components/toast.tsx';
import { usePrinting } from '../../components/use-printing.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { CellPanel } from '../cell-panel/cell-panel.tsx';
import { ProposalEditor } from '../cell-panel/proposal-editor.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { BulkAcceptButton } from './bulk-accept.tsx';
import { MatrixCounts, MatrixFilterBar, MatrixLegend } from './matrix-filters.tsx';
import { MatrixGrid } from './matrix-grid.tsx';
import { MatrixPrintTable } from './matrix-print.tsx';
import { matrixModelOf } from './matrix-model.ts';
import { filtersFromSearch, searchFrom } from './matrix-url.ts';
import './matrix-page.css';

/** For MatrixPrefetch (app.tsx): the same query, key and filters as the page's; the model is built as soon as the matrix is in. */
export const prefetchMatrixPage = async (qc: QueryClient, engagementId: string, search: URLSearchParams) => {
  const filters = filtersFromSearch(search);
  await prefetchMatrix(qc, engagementId, filters);
  const data = qc.getQueryData<TMatrixResponse>(matrixQuery(engagementId, filters).queryKey);
  if (data) matrixModelOf(data, Object.keys(filters).length > 0);
};

export const MatrixPage = ({ engagementId }: { engagementId: string }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const toast = useToast();
  const { pathname, search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const openCell = search.get('cell');
  const q = useGetMatrix(engagementId, filters);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const bulk = useBulkPropose(engagementId);
  const filtered = Object.keys(filters).length > 0;
  const model = useMemo(() => (q.data ? matrixModelOf(q.data, filtered) : null), [q.data, filtered]);
  const printing = usePrinting();
  const colors = useMemo(() => partyColorMap(q.data?.parties ?? eng.parties), [q.data, eng.parties]);

  const go = useCallback((f: MatrixFilters, cell: string | null) => navigate(`${pathname}${searchFrom(f, cell)}`, { replace: true }), [pathname]);
  const onOpen = useCallback((id: string) => go(filters, id), [go, filters]);
  const onToggle = useCallback(
    (id: string) =>
      setSelection((s) => {
        const n = new Set(s);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      }),
    [],
  );

  return (
    <div className={`matrix-page${openCell ? ' has-panel' : ''} has-print-sheet`}>
      <div className="matrix-toolbar">
        <MatrixFilterBar filters={filters} onChange={(f) => go(f, openCell)} parties={eng.parties} hasParty={!!eng.myPartyId} />
        <div className="matrix-meta">
          {q.data ? <MatrixCounts cells={q.data.cells} total={q.data.totalCells} /> : null}
          {q.isFetching && q.data ? <span className="spinner spinner-small" aria-hidden="true" /> : null}
          <span className="muted small hint">{t('matrix.keyboardHint')}</span>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => window.print()}>
            {t('print.button')}
          </button>
          {q.data ? <BulkAcceptButton matrix={q.data} cells={q.data.cells} label="bulkAccept.button" small /> : null}
        </div>
      </div>
      <div className="matrix-legend-row">
        <MatrixLegend parties={eng.parties} colors={colors} />
      </div>
      <div className="matrix-body">
        {q.isPending ? (
          <Loading />
        ) : q.error || !model ? (
          <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />
        ) : model.rows.length === 0 ? (
          <Empty title={filtered ? t('matrix.empty') : t('matrix.emptyEngagement')} />
        ) : (
          <MatrixGrid model={model} colors={colors} onOpen={onOpen} selection={selection} onToggle={onToggle} focusCellId={openCell} />
        )}
        {selection.size > 0 ? (
          <div className="selection-bar" role="region" aria-label={t('matrix.selected', { n: selection.size })}>
            <strong>{t('matrix.selected', { n: selection.size })}</strong>
            {eng.can('cell:propose') ? (
              <button type="button" className="btn btn-primary btn-small" onClick={() => setBulkOpen(true)}>
                {t('matrix.bulkPropose')}
              </button>
            ) : null}
            {q.data ? <BulkAcceptButton matrix={q.data} cells={q.data.cells.filter((c) => selection.has(c.id))} label="bulkAccept.selection" small /> : null}
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setSelection(new Set())}>
              {t('matrix.clearSelection')}
            </button>
          </div>
        ) : null}
        {openCell ? <CellPanel cellId={openCell} colors={colors} onClose={() => go(filters, null)} /> : null}
      </div>
      {printing && model ? <MatrixPrintTable model={model} title={eng.engagement.title} /> : null}
      {bulkOpen ? (
        <Modal title={t('bulk.title')} onClose={() => setBulkOpen(false)} wide>
          <p>{t('bulk.lead', { n: selection.size })}</p>
          <ProposalEditor
            parties={eng.parties}
            colors={colors}
            initial={{ assignment: null, terms: null }}
            submitLabel={t('bulk.submit', { n: selection.size })}
            pending={bulk.isPending}
            error={bulk.error}
            onCancel={() => setBulkOpen(false)}
            onSubmit={(d) =>
              bulk.mutate(
                { cellIds: [...selection], ...d },
                {
                  onSuccess: (r) => {
                    toast.push(t('bulk.done', { n: r.results.length }), 'success');
                    setBulkOpen(false);
                    setSelection(new Set());
                  },
                },
              )
            }
          />
        </Modal>
      ) : null}
    </div>
  );
};
