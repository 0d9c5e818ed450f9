import { useEffect, useRef, useState } from 'react';
import { PRESENTATION_TTL_MINUTES } from '@bunkai/domain';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { usePresentation } from './use-presentation.ts';

/** A running presentation is renewed this often while the presenter stays on one item (it expires after PRESENTATION_TTL_MINUTES). */
const RENEW_MS = (PRESENTATION_TTL_MINUTES * 60_000) / 3;

/**
 * 発表者モード on the review page: start or stop presenting; for everyone
 * else "X is presenting — follow". While following, the page moves to the
 * presenter's item as it changes; moving away by hand stops following.
 * `cellId` is the item this page shows (null on the summary).
 */
export const PresenterBar = ({ engagementId, cellId, onFollow }: { engagementId: string; cellId: string | null; onFollow: (cellId: string) => void }) => {
  const { t } = useI18n();
  const eng = useEngagement();
  const me = useSession()?.user.id;
  const { presentation, present, end } = usePresentation(engagementId);
  const [following, setFollowing] = useState(false);
  const mine = presentation !== null && presentation.presenterUserId === me;
  const other = presentation !== null && !mine ? presentation : null;
  const presented = presentation?.cellId ?? null;

  // The presenter's page moves: tell the server once per item (the mutation's answer updates the cache).
  const sent = useRef<string | null>(null);
  const send = present.mutate;
  useEffect(() => {
    if (!mine || !cellId || cellId === presented || sent.current === cellId) return;
    sent.current = cellId;
    send(cellId);
  }, [mine, cellId, presented, send]);
  useEffect(() => {
    if (!mine || !cellId) return;
    const timer = setInterval(() => send(cellId), RENEW_MS);
    return () => clearInterval(timer);
  }, [mine, cellId, send]);

  // Following: go where the presenter is; once there, a move by hand (not by the presenter) stops following.
  const arrived = useRef<string | null>(null);
  useEffect(() => {
    if (!following) return;
    if (!other) return setFollowing(false);
    if (cellId === other.cellId) {
      arrived.current = other.cellId;
      return;
    }
    if (arrived.current === other.cellId) return setFollowing(false);
    onFollow(other.cellId);
  }, [following, other, cellId, onFollow]);

  const startPresenting = () => {
    if (!cellId) return;
    sent.current = cellId;
    setFollowing(false);
    present.mutate(cellId);
  };
  const follow = () => {
    arrived.current = null;
    setFollowing(true);
  };

  return (
    <div className={`presenter-bar${mine ? ' is-presenting' : ''}${following ? ' is-following' : ''}`} data-testid="presenter-bar">
      {mine ? (
        <>
          <span className="presenter-status" role="status">
            <span className="presenter-dot" aria-hidden="true" /> {t('review.present.mine')}
          </span>
          <button type="button" className="btn btn-small" disabled={end.isPending} onClick={() => end.mutate()}>
            {t('review.present.end')}
          </button>
        </>
      ) : other ? (
        <>
          <span className="presenter-status" role="status">
            {other.presenterPartyName ? t('review.present.otherParty', { name: other.presenterName, party: other.presenterPartyName }) : t('review.present.other', { name: other.presenterName })}
            {following ? ` · ${t('review.present.following')}` : ''}
          </span>
          {following ? (
            <button type="button" className="btn btn-small" onClick={() => setFollowing(false)}>
              {t('review.present.unfollow')}
            </button>
          ) : (
            <button type="button" className="btn btn-small btn-primary" onClick={follow}>
              {t('review.present.follow')}
            </button>
          )}
        </>
      ) : eng.can('cell:review') && cellId ? (
        <button type="button" className="btn btn-small btn-ghost" title={t('review.present.startHint')} disabled={present.isPending} onClick={startPresenting}>
          {t('review.present.start')}
        </button>
      ) : null}
      <ErrorMessage error={present.error ?? end.error} />
    </div>
  );
};
