import { useUnsubscribe } from '../../api/me/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLocation } from '../../router.tsx';
import { AuthFrame } from '../auth/auth-frame.tsx';

/**
 * /unsubscribe?user=…&token=… from the foot of every digest e-mail. A button, not an automatic
 * call: mail scanners that open links must not unsubscribe anyone.
 */
export const UnsubscribePage = () => {
  const { t } = useI18n();
  const { search } = useLocation();
  const unsubscribe = useUnsubscribe();
  const userId = search.get('user') ?? '';
  const token = search.get('token') ?? '';
  return (
    <AuthFrame title={t('unsubscribe.title')}>
      {unsubscribe.isSuccess ? (
        <p className="note note-ok" role="status">
          ✓ {t('unsubscribe.done')}
        </p>
      ) : (
        <div className="stack">
          <p>{t('unsubscribe.lead')}</p>
          <ErrorMessage error={unsubscribe.error} />
          <button type="button" className="btn btn-primary" disabled={unsubscribe.isPending || !userId || !token} onClick={() => unsubscribe.mutate({ userId, token })}>
            {t('unsubscribe.submit')}
          </button>
        </div>
      )}
    </AuthFrame>
  );
};
