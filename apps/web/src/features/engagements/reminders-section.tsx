import { useState, type FormEvent } from 'react';
import { useUpdateEngagement } from '../../api/engagements/mutations.ts';
import { ErrorMessage } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from './engagement-context.tsx';

const DEFAULTS = { firstAfterDays: 5, everyDays: 2, maxCount: 3 };
type Key = keyof typeof DEFAULTS;
const FIELDS: [Key, number, number][] = [
  ['firstAfterDays', 1, 90],
  ['everyDays', 1, 90],
  ['maxCount', 0, 20],
];

/** 督促 (owner): when a consent still waits, the first reminder after N days, then every M, at most K (0: none). */
export const RemindersSection = () => {
  const { t } = useI18n();
  const eng = useEngagement();
  const toast = useToast();
  const e = eng.engagement;
  const update = useUpdateEngagement(e.id);
  const [values, setValues] = useState(e.reminders ?? DEFAULTS);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    update.mutate({ version: e.version, reminders: values }, { onSuccess: () => toast.push(t('reminders.saved'), 'success') });
  };
  return (
    <section className="card" aria-labelledby="reminders-h">
      <h2 id="reminders-h">{t('reminders.title')}</h2>
      <p className="muted small">{t('reminders.lead')}</p>
      <form className="reminders-form" onSubmit={submit}>
        {FIELDS.map(([key, min, max]) => (
          <Field key={key} label={t(`reminders.${key}`)}>
            {(id) => <input id={id} type="number" min={min} max={max} required value={values[key]} onChange={(ev) => setValues({ ...values, [key]: Number(ev.target.value) })} />}
          </Field>
        ))}
        <ErrorMessage error={update.error} />
        <button type="submit" className="btn" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
};
