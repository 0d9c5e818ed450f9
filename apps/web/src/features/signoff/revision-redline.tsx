import { useState } from 'react';
import type { TRevisionView } from '@bunkai/domain';
import { useGetRevisionDiff, type RevisionDiffResponse } from '../../api/revisions/queries.ts';
import { QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';
import './redline.css';

type Diff = RevisionDiffResponse['diff'];
type Canonical = Diff['cells']['added'][number]['after'];
const TERMS = ['responseTime', 'frequency', 'evidence', 'remarks'] as const;

/** A canonical cell in words: each party's letters, then its terms (the redline compares these two texts). */
const Side = ({ cell, name, mark }: { cell: Canonical | null; name: (key: string) => string; mark: 'del' | 'ins' }) => {
  const { t } = useI18n();
  if (!cell) return <span className="muted">—</span>;
  const Tag = mark;
  if (cell.status === 'not_applicable') return <Tag>{t('cellStatus.not_applicable')}</Tag>;
  const roles = Object.entries(cell.assignment ?? {})
    .filter(([, r]) => r.length)
    .map(([k, r]) => `${name(k)} ${r.join('')}`);
  const terms = TERMS.filter((k) => cell.terms[k]).map((k) => `${t(`panel.terms.${k}`)}: ${cell.terms[k]}`);
  return (
    <Tag>
      <span className="rl-roles">{roles.length ? roles.join(' / ') : t('panel.noAgreed')}</span>
      {terms.map((x) => (
        <span key={x} className="rl-term">
          {x}
        </span>
      ))}
    </Tag>
  );
};

const Table = ({ diff }: { diff: Diff }) => {
  const { t, loc } = useI18n();
  const eng = useEngagement();
  const names = new Map(diff.byParty.map((p) => [p.partyKey, p.displayName]));
  // party keys are positional (P1 = first party by position), so the live parties name the keys no diff named
  const name = (key: string) => names.get(key) ?? eng.parties[Number(key.slice(1)) - 1]?.displayName ?? key;
  const rows = [
    ...diff.cells.changed.map((c) => ({ kind: 'changed' as const, c, before: c.before, after: c.after })),
    ...diff.cells.added.map((c) => ({ kind: 'added' as const, c, before: null, after: c.after })),
    ...diff.cells.removed.map((c) => ({ kind: 'removed' as const, c, before: c.before, after: null })),
  ].sort((a, b) => a.c.dutyCode.localeCompare(b.c.dutyCode) || (a.c.assetName ?? '').localeCompare(b.c.assetName ?? ''));
  if (!rows.length) return <p className="note note-ok">✓ {t('redline.same')}</p>;
  return (
    <>
      <ul className="rl-parties" aria-label={t('redline.byParty')}>
        {diff.byParty
          .filter((p) => p.cells.length)
          .map((p) => (
            <li key={p.partyKey}>
              <strong>{p.displayName}</strong> {t('redline.partyCells', { n: p.cells.length })}
            </li>
          ))}
      </ul>
      <div className="table-wrap">
        <table className="table rl-table" data-testid="redline">
          <thead>
            <tr>
              <th scope="col">{t('matrix.duty')}</th>
              <th scope="col">{t('print.asset')}</th>
              <th scope="col">{t('redline.kind')}</th>
              <th scope="col">{t('redline.before')}</th>
              <th scope="col">{t('redline.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kind, c, before, after }) => (
              <tr key={`${kind}:${c.key}`} className={`rl-${kind}`}>
                <th scope="row">
                  <code>{c.dutyCode}</code> {c.dutyTitle ? loc(c.dutyTitle) : ''}
                </th>
                <td>{c.assetName ?? t('matrix.engagementWide')}</td>
                <td>
                  <span className={`badge diff-${kind}`}>{t(`signoff.change.${kind}`)}</span>
                </td>
                <td>
                  <Side cell={before} name={name} mark="del" />
                </td>
                <td>
                  <Side cell={after} name={name} mark="ins" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};

/** 版の比較 (redline): any two frozen revisions side by side — cells added, removed and changed, per party, old and new letters and terms. */
export const RevisionRedline = ({ engagementId, revisions }: { engagementId: string; revisions: TRevisionView[] }) => {
  const { t } = useI18n();
  const sorted = [...revisions].sort((a, b) => a.number - b.number);
  const [fromId, setFrom] = useState(sorted.at(-2)?.id ?? '');
  const [toId, setTo] = useState(sorted.at(-1)?.id ?? '');
  const q = useGetRevisionDiff(engagementId, toId, fromId && fromId !== toId ? fromId : null);
  const pick = (value: string, set: (v: string) => void, label: string) => (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)}>
        {sorted.map((r) => (
          <option key={r.id} value={r.id}>
            {t('signoff.revision', { n: r.number })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="card redline" aria-labelledby="redline-h">
      <h2 id="redline-h">{t('redline.title')}</h2>
      <div className="rl-pick">
        {pick(fromId, setFrom, t('redline.from'))}
        <span aria-hidden="true">→</span>
        {pick(toId, setTo, t('redline.to'))}
      </div>
      {fromId === toId ? <p className="muted">{t('redline.pickTwo')}</p> : <QueryState query={q}>{() => (q.data ? <Table diff={q.data.diff} /> : null)}</QueryState>}
    </section>
  );
};
