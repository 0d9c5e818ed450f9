import { DIGEST_MODES, NOTIFY_LANGS, type TPreferencesPatch } from '@bunkai/domain';
import { useUpdatePreferences } from '../../api/me/mutations.ts';
import { usePreferences } from '../../api/me/queries.ts';
import { ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** 通知設定: how often the digest e-mail comes, whether C/I news comes too, and its language; each change saves at once. */
export const NotificationSettings = () => {
  const { t } = useI18n();
  const q = usePreferences();
  const update = useUpdatePreferences();
  const toast = useToast();
  const save = (patch: TPreferencesPatch) => update.mutate(patch, { onSuccess: () => toast.push(t('prefs.saved'), 'success') });
  return (
    <QueryState query={q}>
      {() => {
        const p = q.data?.preferences;
        if (!p) return null;
        return (
          <div className="form">
            <Field label={t('prefs.digest')}>
              {(id) => (
                <select id={id} value={p.digest} disabled={update.isPending} onChange={(e) => save({ digest: e.target.value as (typeof DIGEST_MODES)[number] })}>
                  {DIGEST_MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(`prefs.digest.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <label className="check">
              <input type="checkbox" checked={p.notifyInformational} disabled={update.isPending} onChange={(e) => save({ notifyInformational: e.target.checked })} /> {t('prefs.informational')}
            </label>
            <Field label={t('prefs.lang')}>
              {(id) => (
                <select id={id} value={p.lang} disabled={update.isPending} onChange={(e) => save({ lang: e.target.value as (typeof NOTIFY_LANGS)[number] })}>
                  {NOTIFY_LANGS.map((l) => (
                    <option key={l} value={l}>
                      {l === 'ja' ? '日本語' : 'English'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ErrorMessage error={update.error} />
          </div>
        );
      }}
    </QueryState>
  );
};
