import { CELL_STATUSES, DUTY_CATEGORIES, FINDING_CODES, PHASES, type TMatrixCell, type TParty } from '@bunkai/domain';
import type { MatrixFilters } from '../../api/cells/keys.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { countCells } from './matrix-model.ts';

type Single = Exclude<keyof MatrixFilters, 'view' | 'asset'>;

const Select = ({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) => {
  const { t } = useI18n();
  return (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} className={value ? 'is-set' : ''}>
        <option value="">{t('matrix.filter.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
};

/** One value per filter in the bar; the API takes lists, so deep links can still ask for several. */
export const MatrixFilterBar = ({ filters, onChange, parties, hasParty }: { filters: MatrixFilters; onChange: (f: MatrixFilters) => void; parties: TParty[]; hasParty: boolean }) => {
  const { t } = useI18n();
  const set = (k: Single) => (v: string) => {
    const next = { ...filters };
    if (v) next[k] = [v];
    else delete next[k];
    onChange(next);
  };
  const val = (k: Single) => filters[k]?.[0] ?? '';
  const opts = <T extends string>(values: readonly T[], prefix: string): [string, string][] => values.map((v) => [v, t(`${prefix}.${v}` as MessageKey)]);
  const active = Object.keys(filters).length > 0;
  return (
    <div className="filterbar" role="search" aria-label={t('matrix.filters')}>
      <Select label={t('matrix.filter.party')} value={val('party')} options={parties.map((p) => [p.id, p.displayName])} onChange={set('party')} />
      <Select label={t('matrix.filter.phase')} value={val('phase')} options={opts(PHASES, 'phase')} onChange={set('phase')} />
      <Select label={t('matrix.filter.category')} value={val('category')} options={opts(DUTY_CATEGORIES, 'category')} onChange={set('category')} />
      <Select label={t('matrix.filter.status')} value={val('status')} options={opts(CELL_STATUSES, 'cellStatus')} onChange={set('status')} />
      <Select label={t('matrix.filter.finding')} value={val('finding')} options={opts(FINDING_CODES, 'finding')} onChange={set('finding')} />
      {hasParty ? (
        <label className="toggle" title={t('matrix.ourViewHint')}>
          <input
            type="checkbox"
            checked={filters.view === 'mine'}
            onChange={(e) => {
              const next = { ...filters };
              if (e.target.checked) next.view = 'mine';
              else delete next.view;
              onChange(next);
            }}
          />
          <span>{t('matrix.ourView')}</span>
        </label>
      ) : null}
      {active ? (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange({})}>
          {t('common.filtersClear')}
        </button>
      ) : null}
    </div>
  );
};

export const MatrixLegend = ({ parties, colors }: { parties: TParty[]; colors: Map<string, string> }) => {
  const { t } = useI18n();
  return (
    <div className="legend" aria-label={t('matrix.legend')}>
      <ul className="legend-parties">
        {parties.map((p) => (
          <li key={p.id}>
            <span className="party-swatch" style={{ background: colors.get(p.id) }} aria-hidden="true" />
            {p.displayName}
          </li>
        ))}
      </ul>
      <ul className="legend-status">
        {CELL_STATUSES.map((s) => (
          <li key={s}>
            <span className={`status-swatch st-${s}`} aria-hidden="true" />
            {t(`cellStatus.${s}`)}
          </li>
        ))}
        <li>
          <span className="status-swatch finding-swatch" aria-hidden="true" />
          {t('nav.findings')}
        </li>
      </ul>
      <span className="legend-raci">R {t('raci.R.short')} · A {t('raci.A.short')} · C {t('raci.C.short')} · I {t('raci.I.short')}</span>
    </div>
  );
};

/** The matrix's counts in the same terms as the list and the review: agreed of applicable, 対象外 apart. */
export const MatrixCounts = ({ cells, total }: { cells: readonly TMatrixCell[]; total: number }) => {
  const { t } = useI18n();
  const c = countCells(cells);
  return (
    <span className="muted" data-testid="matrix-counts">
      {cells.length < total ? t('matrix.countsFiltered', { shown: cells.length, total }) : t('matrix.counts', { agreed: c.agreed, applicable: c.applicable, na: c.notApplicable })}
    </span>
  );
};
