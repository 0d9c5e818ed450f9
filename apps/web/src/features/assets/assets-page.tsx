import { useState } from 'react';
import { daysBetween, type TAsset } from '@bunkai/domain';
import { useListAssets } from '../../api/assets/queries.ts';
import { Empty, QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { eosState, todayIso } from '../matrix/matrix-model.ts';
import { AddAssetDialog, DeleteAssetDialog, EditAssetDialog } from './asset-dialogs.tsx';

type Dialog = { kind: 'add' } | { kind: 'edit'; assetId: string } | { kind: 'delete'; asset: TAsset } | null;

const SupportEnd = ({ date, today }: { date: string | null; today: string }) => {
  const { t, fmtDate } = useI18n();
  const eos = eosState(date, today);
  return (
    <>
      {fmtDate(date)}{' '}
      {eos === 'past' ? (
        <span className="badge badge-bad">⚠ {t('overview.eosPast')}</span>
      ) : eos === 'soon' && date ? (
        <span className="badge badge-warn">⚠ {t('overview.eosSoon', { days: daysBetween(today, date) })}</span>
      ) : null}
    </>
  );
};

/** 対象資産: the columns of the matrix, listed in position order; writers add and edit them, the owner deletes. */
export const AssetsPage = ({ engagementId }: { engagementId: string }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const assets = useListAssets(engagementId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = eng.can('asset:write');
  const canDelete = eng.can('asset:delete');
  const today = todayIso();
  const rows = [...(assets.data?.assets ?? [])].sort((a, b) => a.position - b.position);
  const editing = dialog?.kind === 'edit' ? rows.find((a) => a.id === dialog.assetId) : undefined;

  const reloadAsset = async (assetId: string): Promise<TAsset | null> => {
    const r = await assets.refetch();
    return r.data?.assets.find((a) => a.id === assetId) ?? null;
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h2>{t('assets.title')}</h2>
          <p className="muted">{t('assets.subtitle')}</p>
        </div>
        {canWrite ? (
          <div className="btn-row">
            <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'add' })}>
              ＋ {t('assets.add')}
            </button>
          </div>
        ) : null}
      </div>
      <QueryState query={assets}>
        {() =>
          rows.length === 0 ? (
            <Empty title={t('assets.empty')} />
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('assets.name')}</th>
                    <th scope="col">{t('assets.category')}</th>
                    <th scope="col">{t('assets.owner')}</th>
                    <th scope="col">{t('assets.vendor')}</th>
                    <th scope="col">{t('assets.model')}</th>
                    <th scope="col">{t('assets.version')}</th>
                    <th scope="col">{t('assets.supportEnd')}</th>
                    {canWrite ? <th scope="col">{t('assets.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => {
                    const eos = eosState(a.supportEndsOn, today);
                    return (
                      <tr key={a.id} className={eos ? `eos-row-${eos}` : undefined}>
                        <th scope="row">{a.name}</th>
                        <td>{t(`assetCategory.${a.category}`)}</td>
                        <td>{eng.partyName(a.ownerPartyId)}</td>
                        <td>{a.vendor || '—'}</td>
                        <td>{a.model || '—'}</td>
                        <td>{a.assetVersion || '—'}</td>
                        <td>
                          <SupportEnd date={a.supportEndsOn} today={today} />
                        </td>
                        {canWrite ? (
                          <td>
                            <div className="btn-row">
                              <button type="button" className="btn btn-small" aria-label={t('assets.editOf', { name: a.name })} onClick={() => setDialog({ kind: 'edit', assetId: a.id })}>
                                {t('assets.edit')}
                              </button>
                              {canDelete ? (
                                <button type="button" className="btn btn-small btn-danger-soft" aria-label={t('assets.deleteOf', { name: a.name })} onClick={() => setDialog({ kind: 'delete', asset: a })}>
                                  {t('assets.delete')}
                                </button>
                              ) : null}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {dialog?.kind === 'add' ? <AddAssetDialog engagementId={engagementId} parties={eng.parties} onClose={() => setDialog(null)} /> : null}
      {editing ? (
        <EditAssetDialog key={editing.id} engagementId={engagementId} asset={editing} parties={eng.parties} onReload={() => reloadAsset(editing.id)} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'delete' ? <DeleteAssetDialog engagementId={engagementId} asset={dialog.asset} onClose={() => setDialog(null)} /> : null}
    </div>
  );
};
