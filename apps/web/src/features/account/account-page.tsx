import { useSession } from '../../api/use-session.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccountEvents } from './account-events.tsx';
import { Members } from './members.tsx';
import { NotificationSettings } from './notification-settings.tsx';
import { TwoFactor } from './two-factor.tsx';

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
      {session.user.orgRole === 'admin' ? (
        <section className="card">
          <h2>{t('account.events.title')}</h2>
          <AccountEvents />
        </section>
      ) : null}
    </div>
  );
};
