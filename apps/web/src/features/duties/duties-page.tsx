import { useMemo, useState } from 'react';
import type { TDuty } from '@bunkai/domain';
import { useEditDuty, useSetDutyNotApplicable } from '../../api/duties/mutations.ts';
import { useListDuties } from '../../api/duties/queries.ts';
import { Empty, ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { AddFromCatalogDialog, CustomDutyDialog, EditDutyDialog, NotApplicableDialog } from './duty-dialogs.tsx';
import { DutiesExchange } from './duties-exchange.tsx';
import './duties.css';

type Dialog = { kind: 'catalog' } | { kind: 'custom' } | { kind: 'edit'; duty: TDuty } | { kind: 'na'; duty: TDuty } | null;

/**
 * The sort key that moves `duty` one place up or down inside its part: swap with the neighbour's key,
 * or step past it when both share one (catalog duties may). Two writes at most.
 */
export const moveWrites = (part: readonly TDuty[], index: number, dir: -1 | 1): { duty: TDuty; order: number }[] => {
  const duty = part[index];
  const other = part[index + dir];
  if (!duty || !other) return [];
  if (duty.order === other.order) return [{ duty, order: Math.max(0, other.order + dir) }];
  return [
    { duty, order: other.order },
    { duty: other, order: duty.order },
  ];
};

/** 責任項目: the rows of the matrix in 確認表 order; the owner adds (catalog or custom), edits, reorders and marks them 対象外. */
export const DutiesPage = ({ engagementId }: { engagementId: string }) => {
  const { t, loc } = useI18n();
  const eng = useEngagement();
  const q = useListDuties(engagementId);
  const edit = useEditDuty(engagementId);
  const reopen = useSetDutyNotApplicable(engagementId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = eng.can('duty:write');
  const duties = useMemo(() => q.data?.duties ?? [], [q.data]);
  const parts = useMemo(() => ([1, 2] as const).map((p) => ({ part: p, rows: duties.filter((d) => d.kakuninhyoPart === p) })), [duties]);
  const present = useMemo(() => new Set(duties.map((d) => d.code)), [duties]);

  const move = async (rows: readonly TDuty[], i: number, dir: -1 | 1) => {
    for (const w of moveWrites(rows, i, dir)) await edit.mutateAsync({ dutyId: w.duty.id, body: { version: w.duty.version, order: w.order } }).catch(() => undefined);
  };

  return (
    <div className="page duties-page">
      <div className="page-head">
        <div>
          <h2>{t('duties.title')}</h2>
          <p className="muted">{t('duties.subtitle')}</p>
        </div>
        {canWrite ? (
          <div className="btn-row">
            <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'catalog' })}>
              ＋ {t('duties.addCatalog')}
            </button>
            <button type="button" className="btn" onClick={() => setDialog({ kind: 'custom' })}>
              ＋ {t('duties.addCustom')}
            </button>
          </div>
        ) : null}
      </div>
      <QueryState query={q}>
        {() => (
          <>
            <DutiesExchange engagementId={engagementId} canImport={canWrite} fileStem={eng.engagement.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'bunkai'} />
            <ErrorMessage error={edit.error ?? reopen.error} />
            {duties.length === 0 ? <Empty title={t('duties.empty')} /> : null}
            {parts.map(({ part, rows }) =>
              rows.length ? (
                <section key={part} aria-labelledby={`duties-part-${part}`}>
                  <h3 id={`duties-part-${part}`}>
                    {t('review.part', { n: part })} <span className="count">{rows.length}</span>
                  </h3>
                  <div className="table-wrap">
                    <table className="table duties-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('duties.code')}</th>
                          <th scope="col">{t('duties.item')}</th>
                          <th scope="col">{t('duties.phase')}</th>
                          <th scope="col">{t('duties.source')}</th>
                          <th scope="col">{t('duties.state')}</th>
                          {canWrite ? <th scope="col">{t('assets.actions')}</th> : null}
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((d, i) => (
                          <tr key={d.id} className={d.notApplicableReason ? 'is-na' : undefined} data-duty-code={d.code}>
                            <td>
                              <code>{d.code}</code>
                            </td>
                            <th scope="row">
                              {loc(d.title)}
                              <div className="muted small">{t(`category.${d.category}`)}</div>
                            </th>
                            <td>{t(`phase.${d.phase}`)}</td>
                            <td>{d.catalogVersion ? t('duties.fromCatalog', { version: d.catalogVersion }) : t('duties.custom')}</td>
                            <td>{d.notApplicableReason ? <span className="badge badge-na">{t('cellStatus.not_applicable')}: {d.notApplicableReason}</span> : t('duties.applicable')}</td>
                            {canWrite ? (
                              <td>
                                <div className="btn-row nowrap">
                                  <button type="button" className="btn-icon" disabled={i === 0 || edit.isPending} aria-label={t('duties.moveUp', { code: d.code })} onClick={() => void move(rows, i, -1)}>
                                    ↑
                                  </button>
                                  <button type="button" className="btn-icon" disabled={i === rows.length - 1 || edit.isPending} aria-label={t('duties.moveDown', { code: d.code })} onClick={() => void move(rows, i, 1)}>
                                    ↓
                                  </button>
                                  <button type="button" className="btn btn-small" aria-label={t('duties.editOf', { code: d.code })} onClick={() => setDialog({ kind: 'edit', duty: d })}>
                                    {t('assets.edit')}
                                  </button>
                                  {d.notApplicableReason ? (
                                    <button type="button" className="btn btn-small" aria-label={t('duties.reopenOf', { code: d.code })} disabled={reopen.isPending} onClick={() => reopen.mutate({ dutyId: d.id, body: { version: d.version, notApplicable: false } })}>
                                      {t('duties.reopen')}
                                    </button>
                                  ) : (
                                    <button type="button" className="btn btn-small btn-danger-soft" aria-label={t('duties.naOf', { code: d.code })} onClick={() => setDialog({ kind: 'na', duty: d })}>
                                      {t('duties.na')}
                                    </button>
                                  )}
                                </div>
                              </td>
                            ) : null}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </section>
              ) : null,
            )}
          </>
        )}
      </QueryState>
      {dialog?.kind === 'catalog' ? <AddFromCatalogDialog engagementId={engagementId} present={present} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'custom' ? <CustomDutyDialog engagementId={engagementId} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <EditDutyDialog engagementId={engagementId} duty={dialog.duty} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'na' ? <NotApplicableDialog engagementId={engagementId} duty={dialog.duty} onClose={() => setDialog(null)} /> : null}
    </div>
  );
};
