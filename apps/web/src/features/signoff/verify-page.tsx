import { useState, type FormEvent } from 'react';
import { useVerifyDocument } from '../../api/revisions/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import './signoff.css';

/** 検証: upload an annex (.docx, .pdf) or a revision export (JSON) and learn whether it matches a signed revision. */
export const VerifyPage = () => {
  const { t, fmtDateTime } = useI18n();
  const verify = useVerifyDocument();
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) verify.mutate(file);
  };
  const r = verify.data;
  return (
    <div className="page page-narrow">
      <h1>{t('verify.title')}</h1>
      <p className="muted">{t('verify.subtitle')}</p>
      <form className="form card" onSubmit={submit}>
        <Field label={t('verify.file')}>{(id) => <input id={id} type="file" accept=".docx,.pdf,.json,application/json,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}</Field>
        <ErrorMessage error={verify.error} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!file || verify.isPending}>
            {t('verify.submit')}
          </button>
        </div>
      </form>
      {r ? (
        <section className={`card verify-result ${r.match ? 'is-match' : 'is-nomatch'}`} role="status" data-testid="verify-result">
          <h2>{r.match && r.engagement && r.revision ? `✓ ${t('verify.match', { engagement: r.engagement.title, n: r.revision.number })}` : `✗ ${t('verify.noMatch')}`}</h2>
          <p>{r.message}</p>
          {r.claimedSha256 ? (
            <div className="hash-line">
              <span className="muted small">{t('signoff.hash')}</span> <code className="hash">{r.claimedSha256}</code>
            </div>
          ) : null}
          {r.signatures?.length ? (
            <>
              <h3>{t('verify.signedBy')}</h3>
              <ul className="members">
                {r.signatures.map((s) => (
                  <li key={s.id}>
                    <strong>{s.partyDisplayName}</strong> {s.signerName} <span className="muted">{fmtDateTime(s.signedAt)}</span> {s.sealValid ? '✓' : '✗'}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
};
