import { useState, type FormEvent } from 'react';
import { useVerifyTotp } from '../../api/auth/mutations.ts';
import { useResetTotp } from '../../api/auth/members.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { RecoveryCodes, TotpQr } from '../account/two-factor.tsx';
import { AuthFrame } from './auth-frame.tsx';
import './auth.css';

/**
 * /totp-reset — 認証アプリの再設定 (decision 0014): password and one recovery code sign in and give a new
 * authenticator secret; the old authenticator keeps working until the new one is confirmed, which also
 * replaces the remaining recovery codes.
 */
export const TotpResetPage = () => {
  const { t } = useI18n();
  const { search } = useLocation();
  const reset = useResetTotp();
  const verify = useVerifyTotp();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [code, setCode] = useState('');

  if (verify.data)
    return (
      <AuthFrame title={t('totpReset.title')} subtitle={t('totpReset.done')}>
        <RecoveryCodes codes={verify.data.recoveryCodes} email={verify.data.user.email} />
        <button type="button" className="btn btn-primary btn-block" onClick={() => navigate('/', { replace: true })}>
          {t('totpReset.continue')}
        </button>
      </AuthFrame>
    );

  if (reset.data)
    return (
      <AuthFrame title={t('totpReset.title')} subtitle={t('totpReset.scan')}>
        <form
          className="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            verify.mutate(code);
          }}
        >
          <TotpQr uri={reset.data.enrollment.otpauthUri} />
          <details>
            <summary>{t('account.totp.cannotScan')}</summary>
            <Field label={t('account.totp.secret')}>{(id) => <input id={id} readOnly className="mono" value={reset.data.enrollment.secret} data-testid="totp-secret" />}</Field>
          </details>
          <Field label={t('auth.totp.code')}>
            {(id) => <input id={id} className="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />}
          </Field>
          <ErrorMessage error={verify.error} />
          <button type="submit" className="btn btn-primary btn-block" disabled={code.length !== 6 || verify.isPending}>
            {t('account.totp.confirm')}
          </button>
        </form>
      </AuthFrame>
    );

  return (
    <AuthFrame title={t('totpReset.title')} subtitle={t('totpReset.lead')}>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          reset.mutate({ email, password, recoveryCode: recoveryCode.trim() });
        }}
      >
        <Field label={t('auth.email')}>{(id) => <input id={id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label={t('auth.password')}>{(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
        <Field label={t('auth.recovery.code')}>
          {(id) => <input id={id} className="mono" autoComplete="off" spellCheck={false} maxLength={40} required value={recoveryCode} onChange={(e) => setRecoveryCode(e.target.value)} />}
        </Field>
        <ErrorMessage error={reset.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={reset.isPending || !email || !password || !recoveryCode}>
          {t('totpReset.submit')}
        </button>
      </form>
      <p className="auth-switch">
        <Link to="/sign-in">{t('auth.signIn.title')}</Link>
      </p>
    </AuthFrame>
  );
};
