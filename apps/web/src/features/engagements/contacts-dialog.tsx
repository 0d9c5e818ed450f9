import { useState, type FormEvent } from 'react';
import type { TContact, TParty } from '@bunkai/domain';
import { useUpdateParty } from '../../api/parties/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Modal } from '../../components/modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const EMPTY: TContact = { name: '', phone: '', email: '', hours: '' };

const ContactRows = ({ title, rows, onChange }: { title: string; rows: TContact[]; onChange: (r: TContact[]) => void }) => {
  const { t } = useI18n();
  const set = (i: number, k: keyof TContact, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <fieldset className="contact-rows">
      <legend>{title}</legend>
      {rows.map((r, i) => (
        <div key={i} className="contact-row">
          {(['name', 'phone', 'email', 'hours'] as const).map((k) => (
            <label key={k} className="field field-compact">
              <span>{t(`overview.contact${k === 'name' ? 'Name' : k === 'phone' ? 'Phone' : k === 'email' ? 'Email' : 'Hours'}`)}</span>
              <input value={r[k]} type={k === 'email' ? 'email' : 'text'} required={k === 'name'} onChange={(e) => set(i, k, e.target.value)} />
            </label>
          ))}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('overview.removeContact')}
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, EMPTY])}>
        ＋ {t('overview.addContact')}
      </button>
    </fieldset>
  );
};

/** 連絡体制: the party's normal-time and emergency contacts. */
export const ContactsDialog = ({ engagementId, party, onClose }: { engagementId: string; party: TParty; onClose: () => void }) => {
  const { t } = useI18n();
  const update = useUpdateParty(engagementId);
  const [normal, setNormal] = useState<TContact[]>(party.normalContacts);
  const [emergency, setEmergency] = useState<TContact[]>(party.emergencyContacts);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ partyId: party.id, body: { version: party.version, normalContacts: normal, emergencyContacts: emergency } }, { onSuccess: onClose });
  };
  return (
    <Modal title={`${t('overview.editContacts')} — ${party.displayName}`} onClose={onClose} wide>
      <form className="form" onSubmit={submit}>
        <ContactRows title={t('overview.normalContacts')} rows={normal} onChange={setNormal} />
        <ContactRows title={t('overview.emergencyContacts')} rows={emergency} onChange={setEmergency} />
        <ErrorMessage error={update.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
};
