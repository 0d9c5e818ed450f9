import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import { useLogin } from '../../api/auth/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { AuthFrame, safeNext } from './auth-frame.tsx';
import './auth.css';

/** Sign-in; when the account has TOTP enrolled the API answers `totp_required` and a second step asks for the code. */
export const SignInPage = () => {
  const { t } = useI18n();
  const { search } = useLocation();
  const login = useLogin();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const next = safeNext(search);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email, password, ...(step === 'totp' ? { totp: totp.trim() } : {}) },
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
    <AuthFrame title={step === 'totp' ? t('auth.totp.title') : t('auth.signIn.title')} subtitle={step === 'totp' ? t('auth.totp.prompt') : t('auth.signIn.subtitle')}>
      <form onSubmit={submit} className="form" noValidate>
        {step === 'password' ? (
          <>
            <Field label={t('auth.email')}>{(id) => <input id={id} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
            <Field label={t('auth.password')}>
              {(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
          </>
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
          {step === 'totp' ? t('auth.totp.submit') : t('auth.submitSignIn')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.noAccount')} <Link to={`/sign-up${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.toSignUp')}</Link>
      </p>
    </AuthFrame>
  );
};
