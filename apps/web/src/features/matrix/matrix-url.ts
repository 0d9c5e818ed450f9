import type { MatrixFilters } from '../../api/cells/keys.ts';

const FILTER_KEYS = ['party', 'phase', 'category', 'status', 'finding'] as const;

/** Filters live in the URL so findings can link to "cells with this finding" and a reload keeps them. */
export const filtersFromSearch = (s: URLSearchParams): MatrixFilters => {
  const f: MatrixFilters = {};
  for (const k of FILTER_KEYS) {
    const v = s.get(k);
    if (v) f[k] = v.split(',');
  }
  if (s.get('view') === 'mine') f.view = 'mine';
  return f;
};

export const searchFrom = (f: MatrixFilters, cell: string | null): string => {
  const s = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]?.length) s.set(k, (f[k] ?? []).join(','));
  if (f.view) s.set('view', f.view);
  if (cell) s.set('cell', cell);
  const q = s.toString();
  return q ? `?${q}` : '';
};
