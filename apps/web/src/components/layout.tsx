import type { ReactNode } from 'react';
import { useLogout } from '../api/auth/mutations.ts';
import { useSession } from '../api/use-session.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { InboxLink } from '../features/inbox/inbox-link.tsx';
import { Link, navigate, useLocation } from '../router.tsx';

export const LanguageSwitch = () => {
  const { t, locale, setLocale } = useI18n();
  return (
    <button type="button" className="btn btn-ghost btn-small" onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')} aria-label={`${t('lang.label')}: ${t('lang.switch')}`} lang={locale === 'ja' ? 'en' : 'ja'}>
      {t('lang.switch')}
    </button>
  );
};

export const Brand = () => (
  <span className="brand">
    <span className="brand-mark" aria-hidden="true">
      分
    </span>
    <span className="brand-name">Bunkai</span>
  </span>
);

/** The signed-in frame: top bar with the engagements, verification, language and account. */
export const AppLayout = ({ children }: { children: ReactNode }) => {
  const { t } = useI18n();
  const session = useSession();
  const logout = useLogout();
  const { pathname } = useLocation();
  const current = (p: string) => (pathname === p ? 'page' : undefined);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        {/* no aria-label: the visible "Bunkai" is the name, as axe's label-content-name-mismatch requires (issue 16, bug 11) */}
        <Link to="/" className="topbar-brand">
          <Brand />
        </Link>
        <nav className="topbar-nav" aria-label="main">
          <Link to="/" aria-current={current('/')}>
            {t('nav.engagements')}
          </Link>
          <InboxLink current={pathname === '/inbox'} />
          <Link to="/verify" aria-current={current('/verify')}>
            {t('nav.verify')}
          </Link>
        </nav>
        <div className="topbar-right">
          <LanguageSwitch />
          {session ? (
            <>
              <Link to="/account" className="topbar-user" aria-current={current('/account')}>
                <span className="avatar" aria-hidden="true">
                  {session.user.displayName.slice(0, 1)}
                </span>
                <span className="topbar-user-text">
                  <span>{session.user.displayName}</span>
                  <span className="muted">{session.organization.name}</span>
                </span>
              </Link>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/sign-in') })}>
                {t('common.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
};
