import type { TAssignment, TParty, TTerms } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { lettersOf } from '../matrix/matrix-model.ts';
import './assignment-view.css';

/** Each party with its letters (only parties that hold one). */
export const AssignmentView = ({ assignment, parties, colors }: { assignment: TAssignment; parties: TParty[]; colors: Map<string, string> }) => {
  const { t } = useI18n();
  const rows = parties.map((p) => ({ p, l: lettersOf(assignment, p.id) })).filter((x) => x.l.length);
  return (
    <ul className="assignment">
      {rows.map(({ p, l }) => (
        <li key={p.id}>
          <span className="assignment-party">
            <span className="party-dot" style={{ background: colors.get(p.id) }} aria-hidden="true" />
            {p.displayName}
          </span>
          <span className="assignment-letters">
            {l.map((r) => (
              <span key={r} className="letter-pill" style={{ color: colors.get(p.id), borderColor: colors.get(p.id) }} title={t(`raci.${r}`)}>
                {r} <span className="letter-pill-word">{t(`raci.${r}.short`)}</span>
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
};

export const TermsView = ({ terms }: { terms: TTerms }) => {
  const { t } = useI18n();
  const entries = (['responseTime', 'frequency', 'evidence', 'remarks'] as const).filter((k) => terms[k]);
  if (!entries.length) return null;
  return (
    <dl className="kv kv-compact">
      {entries.map((k) => (
        <div key={k} className="kv-row">
          <dt>{t(`panel.terms.${k}`)}</dt>
          <dd>{terms[k]}</dd>
        </div>
      ))}
    </dl>
  );
};
