import type { TAccountEvent, TUser } from '@bunkai/domain';
import { useAccountEvents } from '../../api/auth/members.ts';
import { useListMembers } from '../../api/auth/queries.ts';
import { QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const PURPOSES = ['sign_in', 'signing', 'totp_reset'] as const;

/** アカウント監査ログ: invitations, recovery-code use and authenticator replacement, with who and when. */
export const AccountEvents = () => {
  const { t, fmtDateTime } = useI18n();
  const q = useAccountEvents();
  const users = useListMembers();
  const nameOf = new Map((users.data?.users ?? []).map((u: TUser) => [u.id, u.displayName]));
  const detail = (e: TAccountEvent) => {
    const purpose = PURPOSES.find((p) => p === e.payload.purpose);
    if (purpose) return t(`account.events.purpose.${purpose}`);
    return typeof e.payload.email === 'string' ? e.payload.email : '';
  };
  return (
    <QueryState query={q}>
      {() =>
        q.data?.events.length ? (
          <ul className="members" data-testid="account-events">
            {q.data.events.map((e) => (
              <li key={e.id}>
                <span className="muted small">{fmtDateTime(e.at)}</span> <strong>{t(`account.events.type.${e.type}`)}</strong> {detail(e)}{' '}
                {e.actorUserId ? <span className="muted">{nameOf.get(e.actorUserId) ?? ''}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('account.events.none')}</p>
        )
      }
    </QueryState>
  );
};
