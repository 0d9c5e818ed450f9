import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n/i18n.tsx';
import { ja } from '../i18n/ja.ts';

/** A sentence for an error code the app does not know yet, by HTTP status. */
const BY_STATUS: Record<number, MessageKey> = { 400: 'apiError.invalid_request', 401: 'apiError.missing_token', 403: 'apiError.forbidden', 404: 'apiError.not_found', 409: 'apiError.invalid_transition', 422: 'apiError.invalid_request', 429: 'apiError.rate_limited' };

/**
 * Every error in the user's language (issue 16, bug 6): the API's `code`
 * picks the sentence, never its English `message`. The request id is shown
 * only for server faults (5xx), where support needs it — not for an input
 * mistake such as a wrong password.
 */
export const errorText = (t: Translate, err: unknown): { text: string; detail: string | null; requestId: string | null } => {
  if (!isApiError(err)) return { text: t('common.unknownError'), detail: null, requestId: null };
  if (err.code === 'network_error') return { text: t('apiError.network_error'), detail: null, requestId: null };
  const key = `apiError.${err.code}` as MessageKey;
  const fallback = err.status >= 500 ? 'apiError.internal' : (BY_STATUS[err.status] ?? 'common.unknownError');
  return { text: t(key in ja ? key : fallback), detail: null, requestId: err.status >= 500 ? err.requestId : null };
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
