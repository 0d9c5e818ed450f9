import { useMemo } from 'react';
import type { AuditFilters } from '../../api/events/queries.ts';
import { useGetMatrix } from '../../api/cells/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import { compareDuties } from '../matrix/matrix-model.ts';
import { EVENT_FAMILIES, EVENT_TYPES } from './event-type-name.ts';

/** 監査証跡 filters: cell (項番 / asset), acting party, event type or family, and a date range. */
export const AuditFilterBar = ({ engagementId, value, onChange }: { engagementId: string; value: AuditFilters; onChange: (f: AuditFilters) => void }) => {
  const { t, loc } = useI18n();
  const eng = useEngagement();
  const matrix = useGetMatrix(engagementId);
  const cells = useMemo(() => {
    const m = matrix.data;
    if (!m) return [];
    const duty = new Map(m.duties.map((d) => [d.id, d]));
    const asset = new Map(m.assets.map((a) => [a.id, a.name]));
    return m.cells
      .filter((c) => duty.has(c.dutyId))
      .sort((a, b) => compareDuties(duty.get(a.dutyId)!, duty.get(b.dutyId)!) || (asset.get(a.assetId ?? '') ?? '').localeCompare(asset.get(b.assetId ?? '') ?? ''))
      .map((c) => ({ id: c.id, label: `${duty.get(c.dutyId)!.code} ${loc(duty.get(c.dutyId)!.title)} / ${c.assetId ? (asset.get(c.assetId) ?? '') : t('matrix.engagementWide')}` }));
  }, [matrix.data, loc, t]);
  const set = (k: keyof AuditFilters, v: string) => onChange({ ...value, [k]: v || undefined });
  return (
    <div className="audit-filters" role="group" aria-label={t('audit.filters')}>
      <label className="filter">
        <span className="filter-label">{t('audit.filterCell')}</span>
        <select value={value.cell ?? ''} onChange={(e) => set('cell', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {cells.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t('audit.actor')}</span>
        <select value={value.party ?? ''} onChange={(e) => set('party', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {eng.parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t('audit.type')}</span>
        <select value={value.type ?? ''} onChange={(e) => set('type', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {EVENT_FAMILIES.map((fam) => (
            <optgroup key={fam} label={t(`eventFamily.${fam}`)}>
              <option value={`${fam}.`}>{t('audit.familyAll', { family: t(`eventFamily.${fam}`) })}</option>
              {EVENT_TYPES.filter((ty) => ty.startsWith(`${fam}.`)).map((ty) => (
                <option key={ty} value={ty}>
                  {t(`eventType.${ty}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t('audit.from')}</span>
        <input type="date" value={value.from ?? ''} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="filter">
        <span className="filter-label">{t('audit.to')}</span>
        <input type="date" value={value.to ?? ''} onChange={(e) => set('to', e.target.value)} />
      </label>
      {Object.values(value).some(Boolean) ? (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange({})}>
          {t('audit.clearFilters')}
        </button>
      ) : null}
    </div>
  );
};
