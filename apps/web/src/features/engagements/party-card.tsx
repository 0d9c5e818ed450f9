import { useState } from 'react';
import type { TContact, TParty } from '@bunkai/domain';
import { useListMembers } from '../../api/auth/queries.ts';
import { useGrantSignatory } from '../../api/parties/mutations.ts';
import { useListSignatories } from '../../api/parties/queries.ts';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from './engagement-context.tsx';

const Contacts = ({ rows, emergency }: { rows: TContact[]; emergency?: boolean }) => {
  const { t } = useI18n();
  if (!rows.length) return <p className={emergency ? 'warn-text' : 'muted'}>{emergency ? `⚠ ${t('overview.noEmergencyContact')}` : t('overview.noContacts')}</p>;
  return (
    <ul className="contacts">
      {rows.map((c, i) => (
        <li key={i}>
          <strong>{c.name}</strong>
          {c.phone ? <span>☎ {c.phone}</span> : null}
          {c.email ? <span>{c.email}</span> : null}
          {c.hours ? <span className="muted">{c.hours}</span> : null}
        </li>
      ))}
    </ul>
  );
};

const Signatories = ({ party }: { party: TParty }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const session = useSession();
  const q = useListSignatories(eng.engagement.id, party.id);
  const ownAdmin = !!session && party.organizationId === session.organization.id && session.user.orgRole === 'admin';
  const members = useListMembers(ownAdmin);
  const grant = useGrantSignatory(eng.engagement.id);
  const [userId, setUserId] = useState('');
  const current = new Set((q.data?.signatories ?? []).map((s) => s.userId));
  const candidates = (members.data?.users ?? []).filter((u) => !current.has(u.id));
  return (
    <div className="signatories">
      <div className="mini-label">{t('overview.signatories')}</div>
      {q.data?.signatories.length ? (
        <ul className="chips">
          {q.data.signatories.map((s) => (
            <li key={s.userId} className="chip">
              ✎ {s.displayName}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('overview.noSignatories')}</p>
      )}
      {ownAdmin && candidates.length ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (userId) grant.mutate({ partyId: party.id, userId }, { onSuccess: () => setUserId('') });
          }}
        >
          <label className="sr-only" htmlFor={`sig-${party.id}`}>
            {t('overview.grantSelect')}
          </label>
          <select id={`sig-${party.id}`} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('overview.grantSelect')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-small" disabled={!userId || grant.isPending}>
            {t('overview.grantSignatory')}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={grant.error} />
    </div>
  );
};

export const PartyCard = ({ party, color, onInvite, onEditContacts }: { party: TParty; color: string; onInvite?: () => void; onEditContacts?: () => void }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const joined = party.organizationId !== null;
  return (
    <li data-testid="party-card" className={`party-card${eng.myPartyId === party.id ? ' is-mine' : ''}`} style={{ borderTopColor: color }}>
      <div className="party-card-head">
        <span className="party-swatch" style={{ background: color }} aria-hidden="true" />
        <div>
          <div className="party-name">{party.displayName}</div>
          <div className="muted small">
            {t(`partyRole.${party.role}`)}
            {party.contractReference ? ` · ${t('overview.contract')} ${party.contractReference}` : ''}
          </div>
        </div>
        <span className="spacer" />
        {eng.myPartyId === party.id ? <span className="badge badge-mine">{t('overview.yourParty')}</span> : joined ? <span className="badge badge-ok">{t('overview.joined')}</span> : <span className="badge badge-wait">{t('overview.placeholder')}</span>}
      </div>
      <div className="party-contacts">
        <div>
          <div className="mini-label">{t('overview.normalContacts')}</div>
          <Contacts rows={party.normalContacts} />
        </div>
        <div>
          <div className="mini-label">{t('overview.emergencyContacts')}</div>
          <Contacts rows={party.emergencyContacts} emergency={party.role !== 'observer'} />
        </div>
      </div>
      {joined ? <Signatories party={party} /> : null}
      <div className="party-actions">
        {onEditContacts ? (
          <button type="button" className="btn btn-small" onClick={onEditContacts}>
            {t('overview.editContacts')}
          </button>
        ) : null}
        {onInvite ? (
          <button type="button" className="btn btn-small btn-primary" onClick={onInvite}>
            {t('overview.invite')}
          </button>
        ) : null}
      </div>
    </li>
  );
};
