import { useState, type FormEvent } from 'react';
import { useVerifyDocument } from '../../api/revisions/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { VerifyResult } from './verify-result.tsx';
import './signoff.css';

/** 検証: upload an annex (.docx, .pdf) or a revision export (JSON) and learn whether its content equals a signed revision, and what that revision is worth today. */
export const VerifyPage = () => {
  const { t } = useI18n();
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
      {r ? <VerifyResult r={r} /> : null}
    </div>
  );
};
