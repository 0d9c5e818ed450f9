import { useMemo, type ReactNode } from 'react';
import type { TParty } from '@bunkai/domain';
import { useGetEngagement } from '../../api/engagements/queries.ts';
import { ErrorMessage, Loading } from '../../components/feedback.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { useLiveUpdates } from '../../live/use-live-updates.ts';
import { Link } from '../../router.tsx';
import { EngagementContext, makeEngagementCtx } from './engagement-context.tsx';
import { EngagementStatusBadge } from './status-badge.tsx';
import './engagement-layout.css';

const TABS: [string, MessageKey][] = [
  ['', 'nav.overview'],
  ['matrix', 'nav.matrix'],
  ['assets', 'nav.assets'],
  ['duties', 'nav.duties'],
  ['review', 'nav.review'],
  ['findings', 'nav.findings'],
  ['catalog-upgrade', 'nav.catalogUpgrade'],
  ['sign-off', 'nav.signoff'],
  ['audit', 'nav.audit'],
];

const LiveIndicator = ({ engagementId, parties }: { engagementId: string; parties: readonly TParty[] }) => {
  const { t } = useI18n();
  const state = useLiveUpdates(engagementId, parties);
  return (
    <span className={`live live-${state}`} title={state === 'open' ? t('live.connected') : t('live.reconnecting')}>
      <span className="live-dot" aria-hidden="true" />
      {state === 'open' ? t('live.connected') : t('live.reconnecting')}
    </span>
  );
};

/** Header and tabs of one engagement; keeps the live stream open while any tab is shown. */
export const EngagementLayout = ({ engagementId, tab, children }: { engagementId: string; tab: string; children: ReactNode }) => {
  const { t } = useI18n();
  const q = useGetEngagement(engagementId);
  const ctx = useMemo(() => (q.data ? makeEngagementCtx(q.data.engagement, q.data.parties) : null), [q.data]);
  if (q.isPending) return <Loading />;
  if (q.error || !ctx) return <ErrorMessage error={q.error} onRetry={() => void q.refetch()} />;
  const e = ctx.engagement;
  return (
    <EngagementContext.Provider value={ctx}>
      <div className="eng-header">
        <div className="eng-header-top">
          <nav className="crumbs" aria-label="breadcrumb">
            <Link to="/">{t('nav.engagements')}</Link>
            <span aria-hidden="true">/</span>
          </nav>
          <h1 className="eng-header-title">{e.title}</h1>
          <EngagementStatusBadge status={e.status} />
          <span className="muted eng-header-sub">{e.systemName}</span>
          <span className="spacer" />
          <LiveIndicator engagementId={engagementId} parties={ctx.parties} />
        </div>
        <nav className="tabs" aria-label={e.title}>
          {TABS.map(([path, key]) => (
            <Link key={path} to={`/engagements/${engagementId}${path ? `/${path}` : ''}`} className="tab" aria-current={tab === path ? 'page' : undefined}>
              {t(key)}
            </Link>
          ))}
        </nav>
      </div>
      <div className={`eng-body eng-body-${tab || 'overview'}`}>{children}</div>
    </EngagementContext.Provider>
  );
};
