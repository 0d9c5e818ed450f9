import { useState, type FormEvent } from 'react';
import type { TRevisionView } from '@bunkai/domain';
import { useSignRevision } from '../../api/revisions/mutations.ts';
import { useGetSigningStatement } from '../../api/revisions/queries.ts';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage, Loading } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';

/** 署名: the exact statement, then the password again and a TOTP code. */
export const SignDialog = ({ engagementId, revision, partyId, partyName, onClose }: { engagementId: string; revision: TRevisionView; partyId: string; partyName: string; onClose: () => void }) => {
  const { t } = useI18n();
  const session = useSession();
  const statement = useGetSigningStatement(engagementId, revision.id, partyId);
  const sign = useSignRevision(engagementId);
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  // A lost authenticator: one recovery code stands in for the TOTP code (decision 0014).
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const needsTotp = statement.data?.requiresTotp ?? true;
  const noTotp = needsTotp && session && !session.user.totpEnabled;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate(
      { revisionId: revision.id, partyId, password, ...(recoveryCode !== null ? { recoveryCode: recoveryCode.trim() } : totp ? { totp } : {}) },
      {
        onSuccess: () => {
          toast.push(t('signoff.signed'), 'success');
          onClose();
        },
      },
    );
  };
  return (
    <Modal title={t('signoff.signFor', { party: partyName })} onClose={onClose}>
      {statement.isPending ? (
        <Loading />
      ) : statement.error ? (
        <ErrorMessage error={statement.error} />
      ) : (
        <form className="form" onSubmit={submit}>
          <div>
            <div className="mini-label">{t('signoff.statement')}</div>
            <blockquote className="statement" data-testid="signing-statement">
              {statement.data?.statement}
            </blockquote>
            <div className="hash-line">
              <span className="muted small">{t('signoff.hash')}</span> <code className="hash">{revision.sha256}</code>
            </div>
          </div>
          {noTotp ? (
            <div className="alert alert-warn">
              <div className="alert-body">
                {t('signoff.needTotp')} <Link to="/account">{t('common.account')} →</Link>
              </div>
            </div>
          ) : null}
          <Field label={t('signoff.password')}>{(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
          {needsTotp && recoveryCode !== null ? (
            <Field label={t('auth.recovery.code')}>
              {(id) => <input id={id} className="mono" autoComplete="off" spellCheck={false} maxLength={40} required value={recoveryCode} onChange={(e) => setRecoveryCode(e.target.value)} />}
            </Field>
          ) : needsTotp ? (
            <Field label={t('signoff.totp')}>
              {(id) => <input id={id} className="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required value={totp} onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))} />}
            </Field>
          ) : null}
          {needsTotp && !noTotp ? (
            <button type="button" className="link-button" onClick={() => setRecoveryCode(recoveryCode === null ? '' : null)}>
              {recoveryCode === null ? t('auth.recovery.use') : t('auth.recovery.useTotp')}
            </button>
          ) : null}
          <ErrorMessage error={sign.error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={sign.isPending || !password || (needsTotp && (recoveryCode !== null ? !recoveryCode.trim() : totp.length !== 6)) || !!noTotp}>
              {t('signoff.signSubmit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
};
