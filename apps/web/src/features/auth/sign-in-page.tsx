import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import { useLogin } from '../../api/auth/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { AuthFrame, safeNext } from './auth-frame.tsx';
import './auth.css';

/**
 * Sign-in; when the account has TOTP enrolled the API answers `totp_required` and a second step asks for the code,
 * or for one of the account's one-time recovery codes when the authenticator is lost.
 */
export const SignInPage = () => {
  const { t } = useI18n();
  const { search } = useLocation();
  const login = useLogin();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [step, setStep] = useState<'password' | 'totp' | 'recovery'>('password');
  const next = safeNext(search);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email, password, ...(step === 'totp' ? { totp: totp.trim() } : step === 'recovery' ? { recoveryCode: recoveryCode.trim() } : {}) },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (err) => {
          if (isApiError(err) && err.code === 'totp_required') {
            setStep('totp');
            login.reset();
          }
        },
      },
    );
  };

  return (
    <AuthFrame title={step === 'password' ? t('auth.signIn.title') : t('auth.totp.title')} subtitle={step === 'totp' ? t('auth.totp.prompt') : step === 'recovery' ? t('auth.recovery.prompt') : t('auth.signIn.subtitle')}>
      <form onSubmit={submit} className="form" noValidate>
        {step === 'password' ? (
          <>
            <Field label={t('auth.email')}>{(id) => <input id={id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
            <Field label={t('auth.password')}>
              {(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
          </>
        ) : step === 'recovery' ? (
          <Field label={t('auth.recovery.code')}>
            {(id) => <input id={id} className="mono" autoComplete="off" spellCheck={false} maxLength={40} required autoFocus value={recoveryCode} onChange={(e) => setRecoveryCode(e.target.value)} />}
          </Field>
        ) : (
          <Field label={t('auth.totp.code')}>
            {(id) => (
              <input
                id={id}
                className="input-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="\d{6}"
                maxLength={6}
                required
                autoFocus
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              />
            )}
          </Field>
        )}
        <ErrorMessage error={login.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={login.isPending}>
          {step === 'password' ? t('auth.submitSignIn') : t('auth.totp.submit')}
        </button>
        {step !== 'password' ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              login.reset();
              setStep(step === 'totp' ? 'recovery' : 'totp');
            }}
          >
            {step === 'totp' ? t('auth.recovery.use') : t('auth.recovery.useTotp')}
          </button>
        ) : null}
        {step === 'recovery' ? (
          <Link to={`/totp-reset?email=${encodeURIComponent(email)}`} className="small">
            {t('totpReset.link')}
          </Link>
        ) : null}
      </form>
      <p className="auth-switch">
        {t('auth.noAccount')} <Link to={`/sign-up${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.toSignUp')}</Link>
      </p>
    </AuthFrame>
  );
};
