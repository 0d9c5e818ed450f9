import { useState } from 'react';
import type { TBulkAcceptResponse, TMatrixCell, TMatrixResponse } from '@bunkai/domain';
import { useBulkAccept } from '../../api/cells/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { ja } from '../../i18n/ja.ts';
import { useEngagement } from '../engagements/engagement-context.tsx';

/** The cells among `cells` whose open proposal waits for `partyId`'s consent. */
export const waitingFor = (cells: readonly TMatrixCell[], partyId: string | null | undefined): string[] =>
  partyId ? cells.filter((c) => c.openProposal?.pendingFrom.includes(partyId)).map((c) => c.id) : [];

/**
 * 一括承諾: accept, for the caller's party, every proposal waiting for it among the cells shown
 * (or selected) — the API takes them one by one under the same consent rules and answers per cell.
 */
export const BulkAcceptButton = ({ matrix, cells, label, small }: { matrix: TMatrixResponse; cells: readonly TMatrixCell[]; label: 'bulkAccept.button' | 'bulkAccept.selection'; small?: boolean }) => {
  const { t, loc } = useI18n();
  const engagementId = matrix.engagement.id;
  const eng = useEngagement();
  const toast = useToast();
  const bulk = useBulkAccept(engagementId);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<TBulkAcceptResponse | null>(null);
  const ids = waitingFor(cells, eng.myPartyId);
  if (!eng.can('cell:propose') || (ids.length === 0 && !open)) return null;
  const close = () => {
    setOpen(false);
    setResult(null);
    bulk.reset();
  };
  // the API's code picks the sentence, as everywhere in the app (never its English message)
  const refusal = (code: string | null) => {
    const key = `apiError.${code ?? ''}`;
    return key in ja ? t(key as MessageKey) : t('common.unknownError');
  };
  const describe = (id: string) => {
    const cell = cells.find((c) => c.id === id);
    const duty = cell && matrix.duties.find((d) => d.id === cell.dutyId);
    const asset = cell?.assetId ? matrix.assets.find((a) => a.id === cell.assetId) : null;
    return duty ? `${duty.code} ${loc(duty.title)}${asset ? ` · ${asset.name}` : ''}` : id;
  };
  return (
    <>
      <button type="button" className={`btn btn-primary${small ? ' btn-small' : ''}`} onClick={() => setOpen(true)}>
        {t(label, { n: ids.length })}
      </button>
      {open ? (
        <Modal title={t('bulkAccept.title')} onClose={close} wide>
          {result ? (
            <div className="stack bulk-accept-body" data-testid="bulk-accept-result">
              <p role="status">{t('bulkAccept.result', result.counts)}</p>
              <ul className="bulk-accept-list">
                {result.results
                  .filter((r) => r.outcome !== 'agreed')
                  .map((r) => (
                    <li key={r.cellId}>
                      <strong>{describe(r.cellId)}</strong>:{' '}
                      {r.outcome === 'waiting' ? t('bulkAccept.waitingFor', { parties: r.pendingFrom.map((p) => eng.partyName(p)).join('・') }) : refusal(r.code)}
                    </li>
                  ))}
              </ul>
              <div className="form-actions">
                <button type="button" className="btn" onClick={close}>
                  {t('common.close')}
                </button>
              </div>
            </div>
          ) : (
            <div className="stack bulk-accept-body">
              <p>{t('bulkAccept.lead', { n: ids.length })}</p>
              <ErrorMessage error={bulk.error} />
              <div className="form-actions">
                <button type="button" className="btn" onClick={close}>
                  {t('common.cancel')}
                </button>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={bulk.isPending || ids.length === 0}
                  onClick={() =>
                    bulk.mutate(ids, {
                      onSuccess: (r) => {
                        setResult(r);
                        toast.push(t('bulkAccept.result', r.counts), 'success');
                      },
                    })
                  }
                >
                  {t('bulkAccept.submit', { n: ids.length })}
                </button>
              </div>
            </div>
          )}
        </Modal>
      ) : null}
    </>
  );
};
