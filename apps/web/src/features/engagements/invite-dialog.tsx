import { useState, type FormEvent } from 'react';
import { PARTY_ROLES, type TCreateInvitationRequest, type TParty } from '@bunkai/domain';
import { useCreateInvitation } from '../../api/invitations/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Role = Exclude<TParty['role'], 'hospital'>;

/** Invite an organization into a placeholder party (or a new one); the link is shown once. */
export const InviteDialog = ({ engagementId, parties, initialPartyId, onClose }: { engagementId: string; parties: TParty[]; initialPartyId?: string; onClose: () => void }) => {
  const { t } = useI18n();
  const create = useCreateInvitation(engagementId);
  const placeholders = parties.filter((p) => p.organizationId === null && p.role !== 'hospital');
  const [email, setEmail] = useState('');
  const [partyId, setPartyId] = useState<string>(initialPartyId ?? placeholders[0]?.id ?? 'new');
  const [role, setRole] = useState<Role>('ehr_vendor');
  const [displayName, setDisplayName] = useState('');
  const [copied, setCopied] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: TCreateInvitationRequest = partyId === 'new' ? { email, role, displayName } : { email, partyId };
    create.mutate(body);
  };
  const url = create.data ? new URL(`/invitations#token=${create.data.token}`, window.location.origin).toString() : null;

  return (
    <Modal title={t('invite.title')} onClose={onClose}>
      {url ? (
        <div className="stack">
          <div className="alert alert-ok">{t('invite.created')}</div>
          <p className="note note-ok" data-testid="invite-mailed">
            {t('invite.mailed', { email })}
          </p>
          <Field label={t('invite.link')}>{(id) => <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} data-testid="invite-link" />}</Field>
          <div className="form-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => setCopied(true));
              }}
            >
              {copied ? t('common.copied') : t('common.copy')}
            </button>
            <button type="button" className="btn btn-primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit}>
          <Field label={t('invite.email')}>{(id) => <input id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
          <Field label={t('invite.party')}>
            {(id) => (
              <select id={id} value={partyId} onChange={(e) => setPartyId(e.target.value)}>
                {placeholders.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}{t('common.paren', { text: t(`partyRole.${p.role}`) })}
                  </option>
                ))}
                <option value="new">{t('invite.newParty')}</option>
              </select>
            )}
          </Field>
          {partyId === 'new' ? (
            <div className="grid-2">
              <Field label={t('invite.role')}>
                {(id) => (
                  <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                    {PARTY_ROLES.filter((r): r is Role => r !== 'hospital').map((r) => (
                      <option key={r} value={r}>
                        {t(`partyRole.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('invite.displayName')}>{(id) => <input id={id} required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />}</Field>
            </div>
          ) : null}
          <ErrorMessage error={create.error} />
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={create.isPending || !email}>
              {t('invite.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
};
