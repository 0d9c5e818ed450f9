import { Suspense, lazy, useMemo, useState } from 'react';
import type { TParty } from '@bunkai/domain';
import { useListAssets } from '../../api/assets/queries.ts';
import { useGetProgress } from '../../api/cells/queries.ts';
import { useListInvitations } from '../../api/invitations/queries.ts';
import { QueryState } from '../../components/feedback.tsx';
import { partyColorMap } from '../../components/party-colors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { daysBetween } from '@bunkai/domain';
import { eosState, todayIso } from '../matrix/matrix-model.ts';
import { ContactsDialog } from './contacts-dialog.tsx';
import { useEngagement } from './engagement-context.tsx';
import { InviteDialog } from './invite-dialog.tsx';
import { PartyCard } from './party-card.tsx';
import { ProgressBar } from './status-badge.tsx';
import './overview.css';
import { RemindersSection } from './reminders-section.tsx';

/** Owner-only: loaded on demand, out of the main bundle. */
const WebhooksSection = lazy(() => import('./webhooks-section.tsx').then((m) => ({ default: m.WebhooksSection })));

const Progress = ({ engagementId }: { engagementId: string }) => {
  const { t } = useI18n();
  const q = useGetProgress(engagementId);
  return (
    <QueryState query={q}>
      {() =>
        q.data ? (
          <div className="progress-grid">
            <div className="stat">
              <div className="stat-label">{t('cellStatus.agreed')}</div>
              <ProgressBar value={q.data.agreed} total={q.data.applicable} label={t('cellStatus.agreed')} />
            </div>
            <div className="stat">
              <div className="stat-label">{t('review.firstCheck')}</div>
              <ProgressBar value={q.data.reviewed} total={q.data.applicable} label={t('review.firstCheck')} />
            </div>
            <div className="stat">
              <div className="stat-label">{t('review.completedOn')}</div>
              <ProgressBar value={q.data.completed} total={q.data.applicable} label={t('review.completedOn')} />
            </div>
            <ul className="status-counts">
              {Object.entries(q.data.byStatus).map(([s, n]) => (
                <li key={s}>
                  <span className={`status-swatch st-${s}`} aria-hidden="true" /> {t(`cellStatus.${s as 'agreed'}`)} <strong>{n}</strong>
                </li>
              ))}
            </ul>
          </div>
        ) : null
      }
    </QueryState>
  );
};

export const OverviewPage = ({ engagementId }: { engagementId: string }) => {
  const { t, fmtDate } = useI18n();
  const eng = useEngagement();
  const assets = useListAssets(engagementId);
  const isOwner = eng.can('engagement:update');
  const invitations = useListInvitations(engagementId, isOwner);
  const colors = useMemo(() => partyColorMap(eng.parties), [eng.parties]);
  const [inviteFor, setInviteFor] = useState<string | null>(null);
  const [contactsFor, setContactsFor] = useState<TParty | null>(null);
  const today = todayIso();
  const e = eng.engagement;
  const pendingInvites = (invitations.data?.invitations ?? []).filter((i) => i.status === 'pending');

  return (
    <div className="page overview">
      <div className="overview-top">
        <section className="card">
          <h2>{t('overview.progress')}</h2>
          <Progress engagementId={engagementId} />
          <Link to={`/engagements/${engagementId}/matrix`} className="btn btn-primary">
            {t('overview.openMatrix')} →
          </Link>
        </section>
        <section className="card">
          <h2>{t('overview.details')}</h2>
          <dl className="kv">
            <div className="kv-row">
              <dt>{t('create.systemName')}</dt>
              <dd>{e.systemName}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('create.serviceModel')}</dt>
              <dd>{t(`serviceModel.${e.serviceModel}`)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('create.provisionPattern')}</dt>
              <dd>{t(`provision.${e.provisionPattern}`)}</dd>
            </div>
            <div className="kv-row">
              <dt>{t('list.yourRoles')}</dt>
              <dd>{e.myRoles.map((r) => t(`engRole.${r}`)).join('・')}</dd>
            </div>
            {e.requireTwoFactorToSign ? (
              <div className="kv-row">
                <dt>{t('overview.twoFactorRequired')}</dt>
                <dd>✓</dd>
              </div>
            ) : null}
          </dl>
          {e.description ? <p className="muted">{e.description}</p> : null}
        </section>
      </div>

      <section aria-labelledby="parties-h">
        <div className="section-head">
          <h2 id="parties-h">
            {t('overview.parties')} <span className="muted small">{t('overview.contacts')}</span>
          </h2>
          {isOwner ? (
            <button type="button" className="btn btn-small" onClick={() => setInviteFor('')}>
              ＋ {t('invite.title')}
            </button>
          ) : null}
        </div>
        <ul className="party-grid">
          {eng.parties.map((p) => (
            <PartyCard
              key={p.id}
              party={p}
              color={colors.get(p.id) ?? '#555'}
              onInvite={isOwner && p.organizationId === null ? () => setInviteFor(p.id) : undefined}
              onEditContacts={isOwner || eng.myPartyId === p.id ? () => setContactsFor(p) : undefined}
            />
          ))}
        </ul>
        {pendingInvites.length ? (
          <ul className="invites">
            {pendingInvites.map((i) => (
              <li key={i.id}>
                <span className="badge badge-wait">{t('invite.status.pending')}</span> {i.email} → {eng.partyName(i.partyId)} <span className="muted small">{t('invite.expires', { date: fmtDate(i.expiresAt) })}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="assets-h">
        <div className="section-head">
          <h2 id="assets-h">{t('overview.assets')}</h2>
        </div>
        <QueryState query={assets}>
          {() => (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.assetName')}</th>
                    <th scope="col">{t('overview.assetCategory')}</th>
                    <th scope="col">{t('overview.assetOwner')}</th>
                    <th scope="col">{t('overview.assetVendor')}</th>
                    <th scope="col">{t('overview.assetSupportEnd')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...(assets.data?.assets ?? [])]
                    .sort((a, b) => a.position - b.position)
                    .map((a) => {
                      const eos = eosState(a.supportEndsOn, today);
                      return (
                        <tr key={a.id} className={eos ? `eos-row-${eos}` : undefined}>
                          <td>{a.name}</td>
                          <td>{t(`assetCategory.${a.category}`)}</td>
                          <td>{eng.partyName(a.ownerPartyId)}</td>
                          <td>{[a.vendor, a.model, a.assetVersion].filter(Boolean).join(' ') || '—'}</td>
                          <td>
                            {fmtDate(a.supportEndsOn)}{' '}
                            {eos === 'past' ? (
                              <span className="badge badge-bad">⚠ {t('overview.eosPast')}</span>
                            ) : eos === 'soon' && a.supportEndsOn ? (
                              <span className="badge badge-warn">⚠ {t('overview.eosSoon', { days: daysBetween(today, a.supportEndsOn) })}</span>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>
      {isOwner ? <RemindersSection /> : null}
      {eng.can('webhook:manage') ? (
        <Suspense fallback={null}>
          <WebhooksSection engagementId={engagementId} />
        </Suspense>
      ) : null}
      {inviteFor !== null ? <InviteDialog engagementId={engagementId} parties={eng.parties} initialPartyId={inviteFor || undefined} onClose={() => setInviteFor(null)} /> : null}
      {contactsFor ? <ContactsDialog engagementId={engagementId} party={contactsFor} onClose={() => setContactsFor(null)} /> : null}
    </div>
  );
};
