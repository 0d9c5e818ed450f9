import { useState, type FormEvent } from 'react';
import { useCreateWebhook, useDeleteWebhook, useTestWebhook, useUpdateWebhook } from '../../api/webhooks/mutations.ts';
import { WEBHOOK_EVENT_TYPES, type TWebhook, type TWebhookEventType } from '@bunkai/domain';
import { useListWebhooks, useWebhookDeliveries } from '../../api/webhooks/queries.ts';
import { ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { Field } from '../../components/field.tsx';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

const Deliveries = ({ engagementId, webhookId }: { engagementId: string; webhookId: string }) => {
  const { t, fmtDateTime } = useI18n();
  const q = useWebhookDeliveries(engagementId, webhookId);
  return (
    <QueryState query={q}>
      {() =>
        q.data?.deliveries.length ? (
          <div className="table-wrap">
            <table className="table" aria-label={t('webhooks.log')}>
              <thead>
                <tr>
                  <th>{t('webhooks.event')}</th>
                  <th>{t('webhooks.status')}</th>
                  <th>{t('webhooks.attempts')}</th>
                  <th>HTTP</th>
                  <th>{t('webhooks.lastAttempt')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.deliveries.map((d) => (
                  <tr key={d.id} data-testid="webhook-delivery">
                    <td className="mono small">{d.eventType}</td>
                    <td>{t(`webhooks.status.${d.status}`)}</td>
                    <td>{d.attempts}</td>
                    <td>{d.lastStatusCode ?? '—'}</td>
                    <td className="small">
                      {fmtDateTime(d.lastAttemptAt)}
                      {d.lastError ? <div className="muted">{d.lastError}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t('webhooks.noDeliveries')}</p>
        )
      }
    </QueryState>
  );
};

const Row = ({ engagementId, hook }: { engagementId: string; hook: TWebhook }) => {
  const { t } = useI18n();
  const toast = useToast();
  const test = useTestWebhook(engagementId);
  const remove = useDeleteWebhook(engagementId);
  const update = useUpdateWebhook(engagementId);
  const [open, setOpen] = useState(false);
  return (
    <li className="webhook" data-testid="webhook">
      <div className="webhook-head">
        <span className="mono small webhook-url">{hook.url}</span>
        {hook.description ? <span className="muted small">{hook.description}</span> : null}
        {!hook.active ? <span className="badge">{t('webhooks.inactive')}</span> : null}
        <span className="muted small">{hook.events.length === WEBHOOK_EVENT_TYPES.length ? t('webhooks.allEvents') : hook.events.join(', ')}</span>
      </div>
      <div className="panel-actions">
        <button type="button" className="btn btn-small" disabled={test.isPending} onClick={() =>
            test.mutate(hook.id, {
              onSuccess: () => {
                setOpen(true);
                toast.push(t('webhooks.testSent'), 'success');
              },
            })
          }>
          {t('webhooks.sendTest')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('webhooks.log')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" disabled={update.isPending} onClick={() => update.mutate({ webhookId: hook.id, version: hook.version, active: !hook.active })}>
          {hook.active ? t('webhooks.pause') : t('webhooks.resume')}
        </button>
        <button type="button" className="btn btn-small btn-danger-soft" disabled={remove.isPending} onClick={() => remove.mutate(hook.id)}>
          {t('webhooks.delete')}
        </button>
      </div>
      <ErrorMessage error={test.error ?? remove.error ?? update.error} />
      {open ? <Deliveries engagementId={engagementId} webhookId={hook.id} /> : null}
    </li>
  );
};

/**
 * Webhooks (owner): signed POSTs of proposals, agreements, freezes and signatures to the
 * hospital's own systems; the secret is shown once, when the webhook is added.
 */
export const WebhooksSection = ({ engagementId }: { engagementId: string }) => {
  const { t } = useI18n();
  const q = useListWebhooks(engagementId, true);
  const create = useCreateWebhook(engagementId);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [events, setEvents] = useState<Set<TWebhookEventType>>(new Set(WEBHOOK_EVENT_TYPES));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim() || undefined, events: WEBHOOK_EVENT_TYPES.filter((e) => events.has(e)) },
      {
        onSuccess: (r) => {
          setSecret(r.secret);
          setUrl('');
          setDescription('');
        },
      },
    );
  };
  return (
    <section className="card" aria-labelledby="webhooks-h">
      <h2 id="webhooks-h">{t('webhooks.title')}</h2>
      <p className="muted small">{t('webhooks.lead')}</p>
      <QueryState query={q}>
        {() => (
          <ul className="webhook-list">
            {(q.data?.webhooks ?? []).map((h) => (
              <Row key={h.id} engagementId={engagementId} hook={h} />
            ))}
          </ul>
        )}
      </QueryState>
      {secret ? (
        <div className="alert alert-warn" role="status">
          <div className="alert-body">
            {t('webhooks.secretOnce')}
            <input readOnly className="mono" value={secret} data-testid="webhook-secret" aria-label={t('webhooks.secret')} onFocus={(e) => e.target.select()} />
          </div>
          <button type="button" className="btn btn-small" onClick={() => setSecret(null)}>
            {t('common.close')}
          </button>
        </div>
      ) : null}
      <form className="form webhook-form" onSubmit={submit}>
        <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')}>
          {(id, describedBy) => <input id={id} type="url" required maxLength={2000} value={url} aria-describedby={describedBy} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
        <Field label={t('webhooks.description')}>{(id) => <input id={id} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />}</Field>
        <fieldset className="webhook-events">
          <legend>{t('webhooks.events')}</legend>
          {WEBHOOK_EVENT_TYPES.map((e) => (
            <label key={e} className="check">
              <input
                type="checkbox"
                checked={events.has(e)}
                onChange={() =>
                  setEvents((cur) => {
                    const next = new Set(cur);
                    if (next.has(e)) next.delete(e);
                    else next.add(e);
                    return next;
                  })
                }
              />{' '}
              <span className="mono small">{e}</span>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !url.trim() || events.size === 0}>
          {t('webhooks.add')}
        </button>
      </form>
    </section>
  );
};
