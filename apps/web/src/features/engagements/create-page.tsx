import { useState, type FormEvent } from 'react';
import { PROVISION_PATTERNS, SERVICE_MODELS, type TProvisionPattern, type TServiceModel } from '@bunkai/domain';
import { useListTemplates } from '../../api/catalog/queries.ts';
import { useCreateEngagement } from '../../api/engagements/mutations.ts';
import { useSession } from '../../api/use-session.ts';
import { ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { navigate } from '../../router.tsx';
import './create.css';

/** Create an engagement, optionally from a catalog template (suggested splits arrive as proposals, never agreed). */
export const CreateEngagementPage = () => {
  const { t, loc } = useI18n();
  const session = useSession();
  const templates = useListTemplates();
  const create = useCreateEngagement();
  const [templateCode, setTemplateCode] = useState<string>('');
  const [title, setTitle] = useState('');
  const [systemName, setSystemName] = useState('');
  const [description, setDescription] = useState('');
  const [serviceModel, setServiceModel] = useState<TServiceModel>('on_prem');
  const [provisionPattern, setProvisionPattern] = useState<TProvisionPattern>('single_vendor');
  const [twoFactor, setTwoFactor] = useState(true);

  if (session && (session.organization.kind !== 'hospital' || session.user.orgRole !== 'admin'))
    return (
      <div className="page">
        <div className="alert alert-warn">{t('create.onlyHospitals')}</div>
      </div>
    );

  const pick = (code: string) => {
    setTemplateCode(code);
    const tpl = templates.data?.templates.find((x) => x.code === code);
    if (tpl) {
      setServiceModel(tpl.serviceModel);
      setProvisionPattern(tpl.provisionPattern);
      if (!systemName) setSystemName(tpl.systemName);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, systemName, description, serviceModel, provisionPattern, requireTwoFactorToSign: twoFactor, ...(templateCode ? { templateCode } : {}) },
      { onSuccess: (r) => navigate(`/engagements/${r.engagement.id}`) },
    );
  };

  return (
    <div className="page page-narrow">
      <div className="page-head">
        <div>
          <h1>{t('create.title')}</h1>
          <p className="muted">{t('create.subtitle')}</p>
        </div>
      </div>
      <form className="form card" onSubmit={submit}>
        <fieldset className="template-picker">
          <legend>{t('create.template')}</legend>
          <QueryState query={templates}>
            {() => (
              <div className="template-grid">
                {templates.data?.templates.map((tpl) => (
                  <label key={tpl.code} data-testid={`template-${tpl.code}`} className={`template-card${templateCode === tpl.code ? ' is-on' : ''}`}>
                    <input type="radio" name="template" value={tpl.code} checked={templateCode === tpl.code} onChange={() => pick(tpl.code)} />
                    <span className="template-title">{loc(tpl.title)}</span>
                    <span className="template-desc">{loc(tpl.description)}</span>
                    <span className="template-meta">
                      {t(`serviceModel.${tpl.serviceModel}`)} · {t('create.templateSummary', { parties: tpl.parties.length, assets: tpl.assets.length, suggestions: tpl.suggestions.length })}
                    </span>
                  </label>
                ))}
                <label className={`template-card template-card-empty${templateCode === '' ? ' is-on' : ''}`}>
                  <input type="radio" name="template" value="" checked={templateCode === ''} onChange={() => setTemplateCode('')} />
                  <span className="template-title">{t('create.noTemplate')}</span>
                </label>
              </div>
            )}
          </QueryState>
        </fieldset>
        <div className="grid-2">
          <Field label={t('create.titleField')}>{(id) => <input id={id} required placeholder={t('create.titlePlaceholder')} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
          <Field label={t('create.systemName')}>{(id) => <input id={id} required placeholder={t('create.systemPlaceholder')} value={systemName} onChange={(e) => setSystemName(e.target.value)} />}</Field>
          <Field label={t('create.serviceModel')}>
            {(id) => (
              <select id={id} value={serviceModel} onChange={(e) => setServiceModel(e.target.value as TServiceModel)}>
                {SERVICE_MODELS.map((m) => (
                  <option key={m} value={m}>
                    {t(`serviceModel.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('create.provisionPattern')}>
            {(id) => (
              <select id={id} value={provisionPattern} onChange={(e) => setProvisionPattern(e.target.value as TProvisionPattern)}>
                {PROVISION_PATTERNS.map((m) => (
                  <option key={m} value={m}>
                    {t(`provision.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={`${t('create.description')}${t('common.paren', { text: t('common.optional') })}`}>{(id) => <textarea id={id} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
        <label className="check">
          <input type="checkbox" checked={twoFactor} onChange={(e) => setTwoFactor(e.target.checked)} />
          {t('create.twoFactor')}
        </label>
        <ErrorMessage error={create.error} />
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => navigate('/')}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending || !title.trim() || !systemName.trim()}>
            {t('create.submit')}
          </button>
        </div>
      </form>
    </div>
  );
};
