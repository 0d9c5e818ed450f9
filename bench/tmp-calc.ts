import { catalogDuties } from '../packages/catalog/src/index.ts';
import { planCells } from '../packages/domain/src/index.ts';
import { DATASETS, customDutyDefinitions } from './dataset/spec.ts';
for (const s of Object.values(DATASETS)) {
  const assets = Object.entries(s.assetsPerCategory).flatMap(([c, n]) => Array.from({ length: n ?? 0 }, (_, i) => ({ id: `${c}${i}`, category: c })));
  const scoped = catalogDuties.filter((d) => d.appliesTo.length > 0);
  const wide = catalogDuties.filter((d) => d.appliesTo.length === 0);
  const w = Math.min(wide.length, Math.max(Math.ceil(s.catalogDuties / 3), s.catalogDuties - scoped.length)); const cat = [...scoped.slice(0, s.catalogDuties - w), ...wide.slice(0, w)];
  const duties = [...cat, ...customDutyDefinitions(s.customDuties)].map((d, i) => ({ id: String(i), appliesTo: d.appliesTo }));
  console.log(s.name, assets.length, duties.length, scoped.length, planCells(duties, assets as never).length);
}
