import { useState } from 'react';
import type { TCatalogUpgradeResponse } from '@bunkai/domain';
import { useAdoptCatalogUpgrade, useCatalogUpgrade } from '../../api/catalog/upgrade.ts';
import { Empty, ErrorMessage, QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import './catalog-upgrade.css';

type Entry = TCatalogUpgradeResponse['entries'][number];

const KIND_BADGE: Record<Entry['kind'], string> = { added: 'badge-ok', changed: 'badge-warn', withdrawn: 'badge-bad' };

/**
 * カタログ更新: what a newer catalog version adds, changes or withdraws for this engagement, with the
 * catalog's reasons. The owner adopts duty by duty; nothing changes until then, and an adopted change
 * re-opens its agreed cells as proposals (the API's rule, said here before anyone clicks).
 */
export const CatalogUpgradePage = ({ engagementId }: { engagementId: string }) => {
  const { t, loc } = useI18n();
  const eng = useEngagement();
  const canAdopt = eng.can('duty:write');
  const q = useCatalogUpgrade(engagementId);
  const adopt = useAdoptCatalogUpgrade(engagementId);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const toggle = (code: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const submit = () =>
    adopt.mutate([...picked], {
      onSuccess: () => setPicked(new Set()),
    });

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h2>{t('upgrade.title')}</h2>
          <p className="muted">{t('upgrade.subtitle', { version: q.data?.to ?? '' })}</p>
        </div>
        {canAdopt && q.data?.entries.length ? (
          <button type="button" className="btn btn-primary" disabled={picked.size === 0 || adopt.isPending} onClick={submit}>
            {t('upgrade.adopt', { n: picked.size })}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={adopt.error} />
      {adopt.data ? <p role="status" className="upgrade-done">{t('upgrade.adopted', { n: adopt.data.adopted.length, again: adopt.data.adopted.reduce((a, x) => a + x.cellsProposedAgain, 0) })}</p> : null}
      <QueryState query={q}>
        {() =>
          q.data && q.data.entries.length ? (
            <ul className="upgrade-list">
              {q.data.entries.map((e) => {
                const def = e.proposed ?? e.current;
                return (
                  <li key={e.code} data-testid="upgrade-entry" className="upgrade-entry">
                    <div className="upgrade-head">
                      {canAdopt ? (
                        <input
                          type="checkbox"
                          aria-label={t('upgrade.pick', { code: e.code })}
                          checked={picked.has(e.code)}
                          disabled={e.underNegotiation}
                          onChange={() => toggle(e.code)}
                        />
                      ) : null}
                      <span className={`badge ${KIND_BADGE[e.kind]}`}>{t(`upgrade.kind.${e.kind}`)}</span>
                      <code>{e.code}</code>
                      <strong>{def ? loc(def.title) : ''}</strong>
                    </div>
                    {e.fields.length ? <p className="muted">{t('upgrade.fields', { fields: e.fields.join(', ') })}</p> : null}
                    <ul className="upgrade-reasons">
                      {e.reasons.map((r) => (
                        <li key={r.version}>
                          {r.version}: {loc(r.reason)}
                        </li>
                      ))}
                    </ul>
                    {e.underNegotiation ? <p className="badge badge-warn">{t('upgrade.underNegotiation')}</p> : null}
                    {e.kind === 'changed' && e.agreedCells > 0 ? <p className="muted">{t('upgrade.reopens', { n: e.agreedCells })}</p> : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <Empty title={t('upgrade.none')} />
          )
        }
      </QueryState>
    </div>
  );
};
