import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export const NotFound = () => {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>{t('notFound.title')}</h1>
        <Link to="/" className="btn btn-primary">
          {t('notFound.back')}
        </Link>
      </div>
    </main>
  );
};
