import { useState } from 'react';
import type { TMemberInvitation } from '@bunkai/domain';
import { useInviteMember, useListMemberInvitations, useResendMemberInvitation, useRevokeMemberInvitation } from '../../api/auth/members.ts';
import { useListMembers } from '../../api/auth/queries.ts';
import { ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Role = 'admin' | 'member';

/** Pending (and past) invitations: resend mails a new link, revoke stops the current one. */
const InvitationRow = ({ i }: { i: TMemberInvitation }) => {
  const { t, fmtDate } = useI18n();
  const resend = useResendMemberInvitation();
  const revoke = useRevokeMemberInvitation();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const open = i.status === 'pending' || i.status === 'expired';
  return (
    <li data-testid="member-invitation">
      <strong>{i.email}</strong> <span className="badge">{t(`account.role.${i.orgRole}`)}</span> <span className="badge">{t(`account.invite.status.${i.status}`)}</span>{' '}
      <span className="muted small">{t('account.invite.expires', { date: fmtDate(i.expiresAt) })}</span>
      {open ? (
        <span className="btn-row">
          <button type="button" className="btn btn-small" disabled={resend.isPending} onClick={() => resend.mutate(i.id, { onSuccess: () => toast.push(t('account.invite.resent', { email: i.email }), 'success') })}>
            {t('account.invite.resend')}
          </button>
          {i.status === 'pending' && !confirming ? (
            <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
              {t('account.invite.revoke')}
            </button>
          ) : null}
        </span>
      ) : null}
      {confirming ? (
        <div className="alert alert-warn" role="alertdialog" aria-label={t('account.invite.revoke')}>
          {t('account.invite.revokeConfirm', { email: i.email })}{' '}
          <span className="btn-row">
            <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-small btn-danger-soft" disabled={revoke.isPending} onClick={() => revoke.mutate(i.id, { onSuccess: () => setConfirming(false) })}>
              {t('account.invite.revokeYes')}
            </button>
          </span>
        </div>
      ) : null}
      <ErrorMessage error={resend.error ?? revoke.error} />
    </li>
  );
};

/** 組織のメンバー: members, and invitations by e-mail — each person sets their own password from the link. */
export const Members = () => {
  const { t } = useI18n();
  const users = useListMembers();
  const invitations = useListMemberInvitations();
  const invite = useInviteMember();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [orgRole, setOrgRole] = useState<Role>('member');
  const shown = invitations.data?.invitations.filter((i) => i.status !== 'accepted') ?? [];
  return (
    <div className="stack">
      <QueryState query={users}>
        {() => (
          <ul className="members">
            {users.data?.users.map((u) => (
              <li key={u.id}>
                <strong>{u.displayName}</strong> <span className="muted">{u.email}</span> <span className="badge">{t(`account.role.${u.orgRole}`)}</span>
                {u.totpEnabled ? <span className="badge badge-ok">2FA</span> : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <h3>{t('account.invite.title')}</h3>
      <p className="muted">{t('account.invite.help')}</p>
      <form
        className="form grid-3"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate(
            { email, orgRole },
            {
              onSuccess: () => {
                toast.push(t('account.invite.sent', { email }), 'success');
                setEmail('');
              },
            },
          );
        }}
      >
        <Field label={t('auth.email')}>{(id) => <input id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label={t('account.role')}>
          {(id) => (
            <select id={id} value={orgRole} onChange={(e) => setOrgRole(e.target.value as Role)}>
              <option value="member">{t('account.role.member')}</option>
              <option value="admin">{t('account.role.admin')}</option>
            </select>
          )}
        </Field>
        <ErrorMessage error={invite.error} />
        <button type="submit" className="btn" disabled={invite.isPending || !email}>
          {t('account.invite.submit')}
        </button>
      </form>
      {shown.length ? (
        <ul className="members" aria-label={t('account.invite.pending')}>
          {shown.map((i) => (
            <InvitationRow key={i.id} i={i} />
          ))}
        </ul>
      ) : null}
    </div>
  );
};
