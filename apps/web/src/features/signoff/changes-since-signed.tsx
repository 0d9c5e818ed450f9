import { useGetChangesSinceSigned } from '../../api/revisions/queries.ts';
import { QueryState } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** 「署名後に自分たちの分担で何が変わったか」 for the caller's party. */
export const ChangesSinceSigned = ({ engagementId, partyId }: { engagementId: string; partyId: string }) => {
  const { t, loc, fmtDateTime } = useI18n();
  const q = useGetChangesSinceSigned(engagementId, partyId);
  return (
    <section className="card" aria-labelledby="since-h">
      <h2 id="since-h">{t('signoff.changesSinceSigned')}</h2>
      <QueryState query={q}>
        {() => {
          const d = q.data;
          if (!d) return null;
          if (!d.signedRevision) return <p className="muted">{t('signoff.neverSigned')}</p>;
          const rows = [
            ...d.cells.added.map((c) => ({ kind: 'added' as const, c })),
            ...d.cells.removed.map((c) => ({ kind: 'removed' as const, c })),
            ...d.cells.changed.map((c) => ({ kind: 'changed' as const, c })),
          ];
          return (
            <>
              <p className="muted small">
                {t('signoff.revision', { n: d.signedRevision.number })} · {fmtDateTime(d.signedRevision.signedAt)}
              </p>
              {rows.length === 0 ? (
                <p className="note note-ok">✓ {t('signoff.noChanges')}</p>
              ) : (
                <>
                  <p className="note note-turn">{t('signoff.changedCells', { n: rows.length })}</p>
                  <ul className="diff-list">
                    {rows.slice(0, 50).map(({ kind, c }) => (
                      <li key={`${kind}:${c.key}`}>
                        <span className={`badge diff-${kind}`}>{t(`signoff.change.${kind}`)}</span> <code>{c.dutyCode}</code> {c.dutyTitle ? loc(c.dutyTitle) : ''} <span className="muted">/ {c.assetName ?? t('matrix.engagementWide')}</span>
                        {'changes' in c ? <span className="muted small"> ({c.changes.map((x) => x.field).join(', ')})</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
};
