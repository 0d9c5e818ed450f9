import { useState } from 'react';
import { downloadFile } from '../../api/client.ts';
import { type AuditFilters, useListAuditEvents, useVerifyChain } from '../../api/events/queries.ts';
import { ErrorMessage, Empty, QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate, useLocation } from '../../router.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { AuditFilterBar } from './audit-filters.tsx';
import { useEventTypeName } from './event-type-name.ts';
import './audit.css';

const FILTER_KEYS = ['cell', 'party', 'type', 'from', 'to'] as const;
const filtersFrom = (s: URLSearchParams): AuditFilters => Object.fromEntries(FILTER_KEYS.flatMap((k) => (s.get(k) ? [[k, s.get(k)]] : [])));
const searchOf = (f: AuditFilters): string => {
  const s = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1]));
  return s.size ? `?${s.toString()}` : '';
};

/** 監査証跡, newest first: the hash-chained event log with its chain status and downloads (JSON Lines, CSV). */
export const AuditPage = ({ engagementId }: { engagementId: string }) => {
  const { t, fmtDateTime } = useI18n();
  const typeName = useEventTypeName();
  const eng = useEngagement();
  const { pathname, search } = useLocation();
  const filters = filtersFrom(search);
  const events = useListAuditEvents(engagementId, filters);
  const [verifyOn, setVerifyOn] = useState(true);
  const chain = useVerifyChain(engagementId, verifyOn);
  const [dlError, setDlError] = useState<unknown>(null);
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const dl = (ext: 'jsonl' | 'csv') => {
    setDlError(null);
    downloadFile(`/api/v1/engagements/${engagementId}/audit.${ext}`, `audit.${ext}`).catch(setDlError);
  };
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h2>{t('audit.title')}</h2>
          <p className="muted">{t('audit.subtitle')}</p>
        </div>
        <div className="btn-row">
          <button type="button" className="btn btn-small" onClick={() => dl('jsonl')}>
            ⤓ {t('audit.downloadJsonl')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => dl('csv')}>
            ⤓ {t('audit.downloadCsv')}
          </button>
        </div>
      </div>
      <ErrorMessage error={dlError} />
      <section className="card chain-card" aria-live="polite">
        {chain.isFetching ? (
          <span className="muted">{t('common.loading')}</span>
        ) : chain.error ? (
          <ErrorMessage error={chain.error} />
        ) : chain.data ? (
          chain.data.ok ? (
            <div className="chain-ok" data-testid="chain-status">
              ✓ {t('audit.chainOk', { n: chain.data.count, hash: chain.data.headHash.slice(0, 16) + '…' })}
            </div>
          ) : (
            <div className="chain-bad" data-testid="chain-status">
              ✗ {t('audit.chainBroken', { seq: chain.data.firstBreak?.seq ?? '?', reason: chain.data.firstBreak?.reason ?? '' })}
            </div>
          )
        ) : null}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setVerifyOn(true);
            void chain.refetch();
          }}
        >
          {t('audit.verify')}
        </button>
      </section>
      <AuditFilterBar engagementId={engagementId} value={filters} onChange={(f) => navigate(`${pathname}${searchOf(f)}`, { replace: true })} />
      <QueryState query={events}>
        {() =>
          rows.length ? (
            <div className="table-wrap">
              <table className="table audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.seq')}</th>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.type')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.person')}</th>
                    <th scope="col">{t('audit.hash')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.seq}>
                      <td className="num">{e.seq}</td>
                      <td>{fmtDateTime(e.at)}</td>
                      <td title={e.type}>{typeName(e.type)}</td>
                      <td>{e.actorPartyId ? eng.partyName(e.actorPartyId) : '—'}</td>
                      <td>{e.actorUserName ?? '—'}</td>
                      <td>
                        <code className="hash-short" title={`${e.prevHash} → ${e.hash}`}>
                          {e.hash.slice(0, 12)}…
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Empty title={Object.values(filters).some(Boolean) ? t('audit.noMatch') : t('audit.empty')} />
          )
        }
      </QueryState>
      {events.hasNextPage ? (
        <button type="button" className="btn" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {t('audit.more')}
        </button>
      ) : null}
    </div>
  );
};
