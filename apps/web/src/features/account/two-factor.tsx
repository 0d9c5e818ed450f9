import { useMemo, useState, type FormEvent } from 'react';
import { renderSVG } from 'uqr';
import { useEnrollTotp, useRegenerateRecoveryCodes, useVerifyTotp } from '../../api/auth/mutations.ts';
import { useRecoveryCodesStatus } from '../../api/auth/queries.ts';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { saveText } from '../../components/save-text.ts';
import './two-factor.css';

/** The otpauth URI as a QR code, drawn in the browser: the secret never goes to a third-party QR service. */
export const TotpQr = ({ uri }: { uri: string }) => {
  const { t } = useI18n();
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(uri, { pixelSize: 5, border: 2 }))}`, [uri]);
  return <img className="totp-qr" src={src} alt={t('account.totp.qrAlt')} width={220} height={220} data-testid="totp-qr" />;
};

/** One-time recovery codes, shown once: a list to write down, and a text file to keep. */
export const RecoveryCodes = ({ codes, email }: { codes: readonly string[]; email: string }) => {
  const { t } = useI18n();
  return (
    <div className="recovery-codes alert alert-warn" role="region" aria-label={t('account.recovery.title')}>
      <p>
        <strong>{t('account.recovery.showOnce')}</strong> {t('account.recovery.help')}
      </p>
      <ol className="recovery-list mono" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <button type="button" className="btn btn-small" onClick={() => saveText(`Bunkai ${t('account.recovery.title')} (${email})\r\n\r\n${codes.join('\r\n')}\r\n`, 'bunkai-recovery-codes.txt', 'text/plain;charset=utf-8')}>
        {t('account.recovery.download')}
      </button>
    </div>
  );
};

/** Left codes and a new set after the password (the old set stops working). */
const RecoveryStatus = ({ email }: { email: string }) => {
  const { t, fmtDateTime } = useI18n();
  const status = useRecoveryCodesStatus();
  const regen = useRegenerateRecoveryCodes();
  const [password, setPassword] = useState('');
  const [open, setOpen] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    regen.mutate(password, { onSuccess: () => (setPassword(''), setOpen(false)) });
  };
  return (
    <div className="stack">
      <h3>{t('account.recovery.title')}</h3>
      {status.data ? (
        <p className={status.data.remaining <= 2 ? 'note note-turn' : 'muted'} data-testid="recovery-remaining">
          {t('account.recovery.remaining', { n: status.data.remaining, total: status.data.total })}
          {status.data.generatedAt ? ` · ${t('account.recovery.generatedAt', { at: fmtDateTime(status.data.generatedAt) })}` : ''}
        </p>
      ) : null}
      {regen.data ? <RecoveryCodes codes={regen.data.codes} email={email} /> : null}
      {open ? (
        <form className="form" onSubmit={submit}>
          <p className="muted">{t('account.recovery.regenerateHelp')}</p>
          <Field label={t('auth.password')}>
            {(id) => <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <ErrorMessage error={regen.error} />
          <div className="btn-row">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={!password || regen.isPending}>
              {t('account.recovery.regenerate')}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button type="button" className="btn" onClick={() => (regen.reset(), setOpen(true))}>
            {t('account.recovery.regenerate')}…
          </button>
        </div>
      )}
    </div>
  );
};

/** 二要素認証: scan the QR code (or type the secret), confirm with a code, keep the recovery codes. */
export const TwoFactor = () => {
  const { t } = useI18n();
  const session = useSession();
  const enroll = useEnrollTotp();
  const verify = useVerifyTotp();
  const toast = useToast();
  const [code, setCode] = useState('');
  if (!session) return null;
  const email = session.user.email;
  if (verify.data) {
    return (
      <div className="stack">
        <p className="note note-ok">✓ {t('account.totp.enabled')}</p>
        <RecoveryCodes codes={verify.data.recoveryCodes} email={email} />
      </div>
    );
  }
  if (session.user.totpEnabled)
    return (
      <div className="stack">
        <p className="note note-ok">✓ {t('account.totp.enabled')}</p>
        <RecoveryStatus email={email} />
      </div>
    );
  return (
    <div className="stack">
      <p className="muted">{t('account.totp.disabled')}</p>
      {!enroll.data ? (
        <div>
          <button type="button" className="btn btn-primary" onClick={() => enroll.mutate()} disabled={enroll.isPending}>
            {t('account.totp.start')}
          </button>
        </div>
      ) : (
        <form
          className="form totp-setup"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            verify.mutate(code, { onSuccess: () => toast.push(t('account.totp.done'), 'success') });
          }}
        >
          <ol className="totp-steps">
            <li>
              <p>{t('account.totp.scan')}</p>
              <TotpQr uri={enroll.data.otpauthUri} />
              <details>
                <summary>{t('account.totp.cannotScan')}</summary>
                <Field label={t('account.totp.secret')}>{(id) => <input id={id} readOnly className="mono" value={enroll.data.secret} data-testid="totp-secret" onFocus={(e) => e.target.select()} />}</Field>
                <Field label={t('account.totp.uri')}>{(id) => <input id={id} readOnly className="mono small" value={enroll.data.otpauthUri} onFocus={(e) => e.target.select()} />}</Field>
              </details>
            </li>
            <li>
              <Field label={t('auth.totp.code')}>
                {(id) => <input id={id} className="input-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />}
              </Field>
              <ErrorMessage error={verify.error} />
              <button type="submit" className="btn btn-primary" disabled={code.length !== 6 || verify.isPending}>
                {t('account.totp.confirm')}
              </button>
            </li>
          </ol>
        </form>
      )}
      <ErrorMessage error={enroll.error} />
    </div>
  );
};
