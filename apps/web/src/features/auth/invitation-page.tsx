import { useState } from 'react';
import { useGetInvitationPreview } from '../../api/invitations/queries.ts';
import { useAcceptInvitation } from '../../api/invitations/mutations.ts';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage, Loading } from '../../components/feedback.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link, navigate } from '../../router.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { forgetInvitationToken, takeInvitationToken } from './invitation-token.ts';
import './auth.css';

/** /invitations#token=… — preview, then sign in or register (coming back here), then accept. */
export const InvitationPage = ({ pathToken }: { pathToken?: string }) => {
  const { t, fmtDate } = useI18n();
  const [token] = useState(() => takeInvitationToken(pathToken));
  const session = useSession();
  const preview = useGetInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const toast = useToast();
  const here = '/invitations';

  if (!token)
    return (
      <AuthFrame title={t('invitation.title')}>
        <div className="alert alert-warn" role="alert">
          {t('join.noToken')}
        </div>
      </AuthFrame>
    );

  if (preview.isPending) return <AuthFrame title={t('invitation.title')}>{<Loading />}</AuthFrame>;
  if (preview.error || !preview.data)
    return (
      <AuthFrame title={t('invitation.title')}>
        <ErrorMessage error={preview.error} />
      </AuthFrame>
    );
  const p = preview.data;
  const pending = p.status === 'pending';
  return (
    <AuthFrame title={t('invitation.title')}>
      <div className="invitation">
        <p className="invitation-lead">{t('invitation.lead', { hospital: p.hospitalName, engagement: p.engagementTitle })}</p>
        <dl className="kv">
          <dt>{t('invite.party')}</dt>
          <dd>
            {p.partyDisplayName} <span className="muted">{t('common.paren', { text: t(`partyRole.${p.partyRole}`) })}</span>
          </dd>
          <dt>{t('auth.email')}</dt>
          <dd>{p.email}</dd>
          <dt>{t('invitation.expiresLabel')}</dt>
          <dd>{fmtDate(p.expiresAt)}</dd>
        </dl>
        {!pending ? (
          <div className="alert alert-warn" role="alert">
            {t('invitation.notPending', { status: t(`invite.status.${p.status}`) })}
          </div>
        ) : session ? (
          <>
            <p className="muted">{t('invitation.signedInAs', { name: session.user.displayName, org: session.organization.name })}</p>
            <ErrorMessage error={accept.error} />
            <button
              type="button"
              className="btn btn-primary btn-block"
              disabled={accept.isPending}
              onClick={() =>
                accept.mutate(undefined, {
                  onSuccess: (r) => {
                    forgetInvitationToken();
                    toast.push(t('invitation.accepted'), 'success');
                    navigate(`/engagements/${r.engagementId}/matrix`);
                  },
                })
              }
            >
              {t('invitation.accept')}
            </button>
          </>
        ) : (
          <div className="stack">
            <Link className="btn btn-primary btn-block" to={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(p.email)}&kind=vendor`}>
              {t('invitation.registerToAccept')}
            </Link>
            <Link className="btn btn-block" to={`/sign-in?next=${encodeURIComponent(here)}&email=${encodeURIComponent(p.email)}`}>
              {t('invitation.signInToAccept')}
            </Link>
          </div>
        )}
      </div>
    </AuthFrame>
  );
};
