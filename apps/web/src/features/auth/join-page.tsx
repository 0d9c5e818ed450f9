import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '@bunkai/domain';
import { useAcceptMemberInvitation, useMemberInvitationPreview } from '../../api/auth/members.ts';
import { ErrorMessage, Loading } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { AuthFrame } from './auth-frame.tsx';
import './auth.css';

/**
 * The token arrives in the fragment (`/join#token=…`), which the browser never sends, so no access log
 * holds it; it is read once and the fragment is dropped from the address bar and history.
 */
const takeToken = (): string => {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
};

/** /join — メンバー招待: the invited person chooses a name and password and is signed in. */
export const JoinPage = () => {
  const { t, fmtDate } = useI18n();
  const [token] = useState(takeToken);
  const preview = useMemberInvitationPreview(token);
  const accept = useAcceptMemberInvitation();
  const toast = useToast();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm !== '' && confirm !== password;

  if (!token)
    return (
      <AuthFrame title={t('join.title')}>
        <div className="alert alert-warn" role="alert">
          {t('join.noToken')}
        </div>
      </AuthFrame>
    );
  if (preview.isPending) return <AuthFrame title={t('join.title')}>{<Loading />}</AuthFrame>;
  if (preview.error || !preview.data)
    return (
      <AuthFrame title={t('join.title')}>
        <ErrorMessage error={preview.error} />
      </AuthFrame>
    );
  const p = preview.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    accept.mutate(
      { token, displayName, password },
      {
        onSuccess: () => {
          toast.push(t('join.done'), 'success');
          navigate('/account', { replace: true });
        },
      },
    );
  };
  return (
    <AuthFrame title={t('join.title')} subtitle={t('join.lead', { org: p.organizationName, role: t(`account.role.${p.orgRole}`) })}>
      <dl className="kv">
        <dt>{t('auth.email')}</dt>
        <dd data-testid="join-email">{p.email}</dd>
        <dt>{t('invitation.expiresLabel')}</dt>
        <dd>{fmtDate(p.expiresAt)}</dd>
      </dl>
      {p.status !== 'pending' ? (
        <div className="alert alert-warn" role="alert">
          {t(`join.status.${p.status}`)} <Link to="/sign-in">{t('auth.signIn.title')}</Link>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <Field label={t('auth.displayName')}>{(id) => <input id={id} required autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}</Field>
          <Field label={t('auth.password')} hint={t('auth.passwordHint', { n: PASSWORD_MIN_LENGTH })}>
            {(id, d) => <input id={id} type="password" required minLength={PASSWORD_MIN_LENGTH} autoComplete="new-password" aria-describedby={d} value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <Field label={t('join.confirmPassword')} error={mismatch ? t('join.mismatch') : undefined}>
            {(id, d) => <input id={id} type="password" required autoComplete="new-password" aria-describedby={d} value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
          </Field>
          <p className="muted small">{t('join.totpLater')}</p>
          <ErrorMessage error={accept.error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={accept.isPending || !displayName || password.length < PASSWORD_MIN_LENGTH || confirm !== password}>
            {t('join.submit')}
          </button>
        </form>
      )}
    </AuthFrame>
  );
};
