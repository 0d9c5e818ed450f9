import type { TOpenProposalView } from '@bunkai/domain';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEngagement } from '../engagements/engagement-context.tsx';

const CHIP = { accepted: 'chip-ok', pending: 'chip-wait', rejected: 'chip-bad' } as const;
const MARK = { accepted: '✓', pending: '…', rejected: '×' } as const;

/**
 * Whose consent the proposal needs (the hospital and every R/A party) and who is only informed
 * (C/I), with every standing rejection's reason for all to read (decision 0012). An older API
 * without `mustAccept` falls back to the accepted / pending / rejected lists.
 */
export const ConsentView = ({ op }: { op: TOpenProposalView }) => {
  const { t, fmtDateTime } = useI18n();
  const eng = useEngagement();
  const must =
    op.mustAccept ??
    [...op.acceptedBy.map((partyId) => ({ partyId, state: 'accepted' as const })), ...op.pendingFrom.map((partyId) => ({ partyId, state: 'pending' as const })), ...op.rejectedBy.map((partyId) => ({ partyId, state: 'rejected' as const }))];
  const rejections = op.rejections ?? [];
  return (
    <>
      <dl className="consent" data-testid="consent">
        <div>
          <dt>{t('consent.mustAccept')}</dt>
          <dd>
            {must.length
              ? must.map((m) => (
                  <span key={m.partyId} className={`chip ${CHIP[m.state]}`} title={t(`consent.state.${m.state}`)}>
                    {MARK[m.state]} {eng.partyName(m.partyId)}
                  </span>
                ))
              : '—'}
          </dd>
        </div>
        {op.informed?.length ? (
          <div>
            <dt>{t('consent.informed')}</dt>
            <dd>
              {op.informed.map((id) => (
                <span key={id} className="chip">
                  {eng.partyName(id)}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
      {rejections.length ? (
        <div className="alert alert-warn consent-rejections">
          <div className="alert-body">
            <strong>{t('consent.rejections')}</strong>
            <ul>
              {rejections.map((r) => (
                <li key={r.partyId}>
                  <strong>{eng.partyName(r.partyId)}</strong>: {r.reason || '—'} <span className="muted small">{fmtDateTime(r.at)}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </>
  );
};

/** May the caller's party accept or reject? Only a party whose consent counts (not C/I, not unnamed). */
export const consentCounts = (op: TOpenProposalView, me: string | null | undefined): boolean => {
  if (!me) return false;
  if (op.mustAccept) return op.mustAccept.some((m) => m.partyId === me);
  return op.acceptedBy.includes(me) || op.pendingFrom.includes(me) || op.rejectedBy.includes(me);
};

/** The caller's party is named only C/I on this proposal. */
export const onlyInformed = (op: TOpenProposalView, me: string | null | undefined): boolean => !!me && !!op.informed?.includes(me);
