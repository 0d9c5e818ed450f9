import { useListFindings } from '../../api/findings/queries.ts';
import { Empty, QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import './findings.css';

/** 指摘: the findings engine's answer, blocking first, each linking to its cells in the matrix. */
export const FindingsPage = ({ engagementId }: { engagementId: string }) => {
  const { t, loc } = useI18n();
  const q = useListFindings(engagementId);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h2>{t('findings.title')}</h2>
          <p className="muted">{t('findings.subtitle')}</p>
        </div>
        {q.data ? (
          <div className="finding-counts">
            <span className="badge badge-bad">{t('findings.blockingCount', { n: q.data.counts.blocking })}</span>
            <span className="badge badge-warn">{t('findings.warningCount', { n: q.data.counts.warning })}</span>
          </div>
        ) : null}
      </div>
      <QueryState query={q}>
        {() =>
          q.data && q.data.findings.length ? (
            <ul className="findings">
              {q.data.findings.map((f) => (
                <li key={f.id} data-testid="finding" className={`finding finding-${f.severity}`}>
                  <div className="finding-head">
                    <span className={`badge ${f.severity === 'blocking' ? 'badge-bad' : 'badge-warn'}`}>{t(`severity.${f.severity}`)}</span>
                    <strong>{t(`finding.${f.code}`)}</strong>
                  </div>
                  <p className="finding-msg">{loc(f.message)}</p>
                  {f.cellIds.length ? (
                    <div className="finding-links">
                      {f.cellIds.slice(0, 6).map((id, i) => (
                        <Link key={id} to={`/engagements/${engagementId}/matrix?cell=${id}`} className="btn btn-small btn-ghost">
                          {t('findings.openCell')} {f.cellIds.length > 1 ? i + 1 : ''} →
                        </Link>
                      ))}
                      {f.cellIds.length > 6 ? (
                        <Link to={`/engagements/${engagementId}/matrix?finding=${f.code}`} className="btn btn-small btn-ghost">
                          {t('findings.cells', { n: f.cellIds.length })} →
                        </Link>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <Empty title={t('findings.none')} />
          )
        }
      </QueryState>
    </div>
  );
};
