import { useState, type FormEvent } from 'react';
import { EMPTY_TERMS, LIMITS, validateAssignment, type TAssignment, type TParty, type TTerms } from '@bunkai/domain';
import { ErrorMessage } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { RolePicker } from './role-picker.tsx';

export type ProposalDraft = { assignment: TAssignment; terms: TTerms; reason: string };

/** Role picker + terms + reason; the send button waits until the split is valid. */
export const ProposalEditor = ({
  parties,
  colors,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  parties: TParty[];
  colors: Map<string, string>;
  initial: { assignment: TAssignment | null; terms: TTerms | null };
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (d: ProposalDraft) => void;
  onCancel?: () => void;
}) => {
  const { t } = useI18n();
  const [assignment, setAssignment] = useState<TAssignment>(initial.assignment ?? {});
  const [terms, setTerms] = useState<TTerms>(initial.terms ?? EMPTY_TERMS);
  const [reason, setReason] = useState('');
  const valid = validateAssignment(assignment, parties).ok;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onSubmit({ assignment, terms, reason: reason.trim() });
  };
  const termField = (k: keyof TTerms, max: number, multiline = false) => (
    <label className="field field-compact">
      <span>{t(`panel.terms.${k}`)}</span>
      {multiline ? (
        <textarea rows={2} maxLength={max} value={terms[k]} onChange={(e) => setTerms({ ...terms, [k]: e.target.value })} />
      ) : (
        <input maxLength={max} value={terms[k]} onChange={(e) => setTerms({ ...terms, [k]: e.target.value })} />
      )}
    </label>
  );
  return (
    <form className="proposal-editor" onSubmit={submit}>
      <RolePicker parties={parties} value={assignment} onChange={setAssignment} colors={colors} />
      <details className="terms-editor">
        <summary>{t('panel.terms')}</summary>
        <div className="grid-2">
          {termField('responseTime', LIMITS.name)}
          {termField('frequency', LIMITS.name)}
        </div>
        {termField('evidence', LIMITS.short)}
        {termField('remarks', LIMITS.text, true)}
      </details>
      <label className="field field-compact">
        <span>{t('panel.proposalReason')}</span>
        <textarea rows={2} maxLength={LIMITS.short} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={!valid || pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
};
