import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n.tsx';
import { ja } from '../i18n/ja.ts';

/** Known error codes get a sentence in the user's language; the API's own message follows as detail. */
export const errorText = (t: Translate, err: unknown): { text: string; detail: string | null; requestId: string | null } => {
  if (!isApiError(err)) return { text: t('common.unknownError'), detail: err instanceof Error ? err.message : null, requestId: null };
  const key = `apiError.${err.code}` as MessageKey;
  const known = key in ja ? t(key) : null;
  if (err.code === 'network_error') return { text: known ?? t('common.networkError'), detail: null, requestId: null };
  return known ? { text: known, detail: err.message, requestId: err.requestId } : { text: err.message, detail: null, requestId: err.requestId };
};

export const ErrorMessage = ({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: ReactNode }) => {
  const { t } = useI18n();
  if (!error) return null;
  const { text, detail, requestId } = errorText(t, error);
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <strong>{text}</strong>
        {detail && detail !== text ? <div className="alert-detail">{t('apiError.details', { message: detail })}</div> : null}
        {requestId ? <div className="alert-meta">{t('common.requestId', { id: requestId })}</div> : null}
        {children}
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
};

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
};

export const Empty = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="empty">
    <div className="empty-title">{title}</div>
    {children ? <div className="empty-body">{children}</div> : null}
  </div>
);

/** Query state in one place: loading, error with retry, or the content. */
export const QueryState = ({ query, children }: { query: { isPending: boolean; error: unknown; refetch: () => unknown }; children: () => ReactNode }) => {
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children()}</>;
};
