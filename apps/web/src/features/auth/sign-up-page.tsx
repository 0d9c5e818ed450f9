import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type TOrganizationKind } from '@bunkai/domain';
import { useRegister } from '../../api/auth/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { AuthFrame, safeNext } from './auth-frame.tsx';
import './auth.css';

/** Organization sign-up: the organization and its first (admin) user in one step. */
export const SignUpPage = () => {
  const { t } = useI18n();
  const { search } = useLocation();
  const register = useRegister();
  const next = safeNext(search);
  const [kind, setKind] = useState<TOrganizationKind>(search.get('kind') === 'vendor' || next.startsWith('/invitations') ? 'vendor' : 'hospital');
  const [orgName, setOrgName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const tooShort = password.length > 0 && password.length < PASSWORD_MIN_LENGTH;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({ organization: { name: orgName, kind }, user: { email, displayName, password } }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <AuthFrame title={t('auth.signUp.title')} subtitle={t('auth.signUp.subtitle')}>
      <form onSubmit={submit} className="form" noValidate>
        <fieldset className="segmented">
          <legend>{t('auth.orgKind')}</legend>
          {(['hospital', 'vendor'] as const).map((k) => (
            <label key={k} className={kind === k ? 'is-on' : ''}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`auth.orgKind.${k}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('auth.orgName')}>{(id) => <input id={id} required autoComplete="organization" value={orgName} onChange={(e) => setOrgName(e.target.value)} />}</Field>
        <Field label={t('auth.displayName')}>{(id) => <input id={id} required autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}</Field>
        <Field label={t('auth.email')}>{(id) => <input id={id} type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint', { n: PASSWORD_MIN_LENGTH })} error={tooShort ? t('auth.passwordHint', { n: PASSWORD_MIN_LENGTH }) : null}>
          {(id, d) => <input id={id} type="password" required autoComplete="new-password" aria-describedby={d} aria-invalid={tooShort} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <ErrorMessage error={register.error} />
        <button type="submit" className="btn btn-primary btn-block" disabled={register.isPending || tooShort}>
          {t('auth.submitSignUp')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.haveAccount')} <Link to={`/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.toSignIn')}</Link>
      </p>
    </AuthFrame>
  );
};
