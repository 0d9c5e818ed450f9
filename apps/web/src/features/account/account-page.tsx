import { useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '@bunkai/domain';
import { useCreateMember } from '../../api/auth/mutations.ts';
import { useListMembers } from '../../api/auth/queries.ts';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotificationSettings } from './notification-settings.tsx';
import { TwoFactor } from './two-factor.tsx';

const Members = () => {
  const { t } = useI18n();
  const q = useListMembers();
  const create = useCreateMember();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <div className="stack">
      <QueryState query={q}>
        {() => (
          <ul className="members">
            {q.data?.users.map((u) => (
              <li key={u.id}>
                <strong>{u.displayName}</strong> <span className="muted">{u.email}</span> <span className="badge">{t(`account.role.${u.orgRole}`)}</span>
                {u.totpEnabled ? <span className="badge badge-ok">2FA</span> : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form
        className="form grid-3"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { email, displayName, password, orgRole: 'member' },
            {
              onSuccess: (r) => {
                toast.push(t('account.members.added', { name: r.user.displayName }), 'success');
                setEmail('');
                setDisplayName('');
                setPassword('');
              },
            },
          );
        }}
      >
        <Field label={t('auth.displayName')}>{(id) => <input id={id} required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}</Field>
        <Field label={t('auth.email')}>{(id) => <input id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label={t('auth.password')} hint={t('auth.passwordHint', { n: PASSWORD_MIN_LENGTH })}>
          {(id, d) => <input id={id} type="password" required minLength={PASSWORD_MIN_LENGTH} autoComplete="new-password" aria-describedby={d} value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <ErrorMessage error={create.error} />
        <button type="submit" className="btn" disabled={create.isPending}>
          ＋ {t('account.members.add')}
        </button>
      </form>
    </div>
  );
};

export const AccountPage = () => {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return null;
  return (
    <div className="page page-narrow">
      <h1>{t('account.title')}</h1>
      <section className="card">
        <h2>{t('account.profile')}</h2>
        <dl className="kv">
          <div className="kv-row">
            <dt>{t('auth.displayName')}</dt>
            <dd>{session.user.displayName}</dd>
          </div>
          <div className="kv-row">
            <dt>{t('auth.email')}</dt>
            <dd>{session.user.email}</dd>
          </div>
          <div className="kv-row">
            <dt>{t('account.organization')}</dt>
            <dd>
              {session.organization.name}{t('common.paren', { text: t(`auth.orgKind.${session.organization.kind}`) })}
            </dd>
          </div>
          <div className="kv-row">
            <dt>{t('account.role')}</dt>
            <dd>{t(`account.role.${session.user.orgRole}`)}</dd>
          </div>
        </dl>
      </section>
      <section className="card">
        <h2>{t('prefs.title')}</h2>
        <NotificationSettings />
      </section>
      <section className="card">
        <h2>{t('account.totp.title')}</h2>
        <TwoFactor />
      </section>
      {session.user.orgRole === 'admin' ? (
        <section className="card">
          <h2>{t('account.members.title')}</h2>
          <Members />
        </section>
      ) : null}
    </div>
  );
};
