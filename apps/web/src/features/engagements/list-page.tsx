import type { TEngagementSummary } from '@bunkai/domain';
import { useGetProgress } from '../../api/cells/queries.ts';
import { useListEngagements } from '../../api/engagements/queries.ts';
import { useListRevisions } from '../../api/revisions/queries.ts';
import { useSession } from '../../api/use-session.ts';
import { Empty, QueryState } from '../../components/feedback.tsx';
import { partyColorMap } from '../../components/party-colors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { EngagementStatusBadge, ProgressBar } from './status-badge.tsx';
import './list.css';

/** Per-party agreed / with-a-role, loaded per row (a handful of engagements per organization). */
const PartyProgress = ({ engagement }: { engagement: TEngagementSummary }) => {
  const { t } = useI18n();
  const progress = useGetProgress(engagement.id);
  const colors = partyColorMap(engagement.parties.map((p, i) => ({ id: p.id, position: i })));
  if (!progress.data) return <div className="party-progress is-loading" aria-hidden="true" />;
  return (
    <ul className="party-progress" aria-label={t('list.perParty')}>
      {progress.data.parties.map((p) => (
        <li key={p.partyId}>
          <span className="party-dot" style={{ background: colors.get(p.partyId) }} aria-hidden="true" />
          <span className="party-progress-name">{p.displayName}</span>
          <span className="party-progress-num">
            {p.agreed}/{p.withRole}
          </span>
        </li>
      ))}
    </ul>
  );
};

/** 署名状況: the latest revision and how many of its parties have signed. */
const SigningStatus = ({ engagement }: { engagement: TEngagementSummary }) => {
  const { t } = useI18n();
  const q = useListRevisions(engagement.id);
  const latest = q.data?.revisions.reduce<(typeof q.data.revisions)[number] | null>((a, r) => (!a || r.number > a.number ? r : a), null) ?? null;
  if (!latest) return <div className="stat-value-small">{t(`engagementStatus.${engagement.status}`)}</div>;
  const signed = latest.signingParties.filter((p) => p.signed).length;
  return (
    <div className="stat-value-small">
      {t('signoff.revision', { n: latest.number })} · {t(`signoff.status.${latest.status}`)}
      <div className="muted small">{t('list.signedCount', { signed, total: latest.signingParties.length })}</div>
    </div>
  );
};

const Row = ({ e }: { e: TEngagementSummary }) => {
  const { t, fmtDate } = useI18n();
  const colors = partyColorMap(e.parties.map((p, i) => ({ id: p.id, position: i })));
  const applicable = e.progress.total - e.progress.notApplicable;
  return (
    <li className="eng-card">
      <div className="eng-card-main">
        <div className="eng-card-head">
          <Link to={`/engagements/${e.id}`} className="eng-title">
            {e.title}
          </Link>
          <EngagementStatusBadge status={e.status} />
        </div>
        <div className="muted eng-sub">
          {e.systemName} · {t(`serviceModel.${e.serviceModel}`)} · {t('list.updated')} {fmtDate(e.updatedAt)}
        </div>
        <ul className="chips" aria-label={t('list.parties')}>
          {e.parties.map((p) => (
            <li key={p.id} className="chip">
              <span className="party-dot" style={{ background: colors.get(p.id) }} aria-hidden="true" />
              {p.displayName}
            </li>
          ))}
        </ul>
      </div>
      <div className="eng-card-stats">
        <div className="stat">
          <div className="stat-label">{t('list.progress')}</div>
          <ProgressBar value={e.progress.agreed} total={applicable} label={t('list.progress')} />
        </div>
        <div className="stat">
          <div className="stat-label">{t('list.perParty')}</div>
          <PartyProgress engagement={e} />
        </div>
        {e.waiting !== undefined ? (
          <div className="stat stat-narrow" data-testid="eng-waiting">
            <div className="stat-label">{t('list.waiting')}</div>
            <div className={`stat-value${e.waiting > 0 ? ' is-warn' : ' is-good'}`}>{e.waiting}</div>
          </div>
        ) : null}
        <div className="stat stat-narrow">
          <div className="stat-label">{t('list.blocking')}</div>
          <div className={`stat-value${e.blockingFindings > 0 ? ' is-bad' : ' is-good'}`}>{e.blockingFindings}</div>
        </div>
        <div className="stat stat-narrow">
          <div className="stat-label">{t('list.signing')}</div>
          <SigningStatus engagement={e} />
        </div>
      </div>
    </li>
  );
};

export const EngagementListPage = () => {
  const { t } = useI18n();
  const session = useSession();
  const list = useListEngagements();
  const canCreate = session?.organization.kind === 'hospital' && session.user.orgRole === 'admin';
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.subtitle')}</p>
        </div>
        {canCreate ? (
          <Link to="/engagements/new" className="btn btn-primary">
            ＋ {t('list.new')}
          </Link>
        ) : null}
      </div>
      <QueryState query={list}>
        {() =>
          list.data && list.data.engagements.length > 0 ? (
            <ul className="eng-list">
              {list.data.engagements.map((e) => (
                <Row key={e.id} e={e} />
              ))}
            </ul>
          ) : (
            <Empty title={t('list.empty')}>{canCreate ? t('list.emptyHospital') : t('list.emptyVendor')}</Empty>
          )
        }
      </QueryState>
    </div>
  );
};
