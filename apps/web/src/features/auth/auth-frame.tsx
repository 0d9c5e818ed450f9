import type { ReactNode } from 'react';
import { Brand, LanguageSwitch } from '../../components/layout.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** The frame of the signed-out pages: brand, tagline, one card. */
export const AuthFrame = ({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) => {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <header className="auth-top">
        <Brand />
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-main">
        <p className="auth-tagline">{t('app.tagline')}</p>
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{title}</h1>
          {subtitle ? <p className="muted">{subtitle}</p> : null}
          {children}
        </section>
      </main>
    </div>
  );
};

/** Only same-site paths are followed after signing in. */
export const safeNext = (search: URLSearchParams): string => {
  const next = search.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
};
