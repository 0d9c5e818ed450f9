import { useId } from 'react';
import { RACI_ROLES, normalizeAssignment, validateAssignment, type TAssignment, type TParty, type TRaciRole } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import './role-picker.css';

export const toggleRole = (a: TAssignment, partyId: string, role: TRaciRole): TAssignment => {
  const current = a[partyId] ?? [];
  const next = current.includes(role) ? current.filter((r) => r !== role) : [...current, role];
  return normalizeAssignment({ ...a, [partyId]: next });
};

/**
 * 役割の選択: one row per party, one toggle per letter. The one-A /
 * at-least-one-R rule (validateAssignment from the domain package, the same
 * check the API runs) is shown live as the user chooses.
 */
export const RolePicker = ({ parties, value, onChange, colors }: { parties: TParty[]; value: TAssignment; onChange: (a: TAssignment) => void; colors: Map<string, string> }) => {
  const { t, locale } = useI18n();
  const statusId = useId();
  const { ok, problems } = validateAssignment(value, parties);
  const flagged = new Set(problems.flatMap((p) => p.partyIds));
  return (
    <div className="role-picker">
      <table className="rp-table" aria-describedby={statusId}>
        <caption className="rp-caption">{t('picker.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('picker.party')}</th>
            {RACI_ROLES.map((r) => (
              <th key={r} scope="col" title={t(`raci.${r}`)}>
                <span className="rp-letter">{r}</span>
                <span className="rp-role">{t(`raci.${r}.short`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr key={p.id} className={flagged.has(p.id) ? 'is-flagged' : undefined}>
              <th scope="row">
                <span className="party-dot" style={{ background: colors.get(p.id) }} aria-hidden="true" />
                {p.displayName}
              </th>
              {RACI_ROLES.map((r) => {
                const on = (value[p.id] ?? []).includes(r);
                return (
                  <td key={r}>
                    <button
                      type="button"
                      className={`rp-toggle${on ? ' is-on' : ''}`}
                      aria-pressed={on}
                      aria-label={t('picker.toggle', { party: p.displayName, role: t(`raci.${r}`) })}
                      style={on ? { background: colors.get(p.id), borderColor: colors.get(p.id) } : undefined}
                      onClick={() => onChange(toggleRole(value, p.id, r))}
                    >
                      {r}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div id={statusId} className={`rp-status ${ok ? 'is-ok' : 'is-bad'}`} role="status" aria-live="polite">
        {ok ? (
          <span>✓ {t('picker.ok')}</span>
        ) : (
          <ul>
            {problems.map((p) => (
              <li key={p.code} data-problem={p.code}>
                {p.message[locale]}
              </li>
            ))}
          </ul>
        )}
        <div className="rp-rule muted">{t('picker.rule')}</div>
      </div>
    </div>
  );
};
